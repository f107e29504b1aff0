import { msg, str } from '@lit/localize';

/** "Dự thảo lần N" in the interface language (the API's label is Vietnamese only). */
export function versionLabel(number: number): string {
  return msg(str`Dự thảo lần ${number}`);
}

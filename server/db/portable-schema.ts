import {
  DataTypeNode,
  OperationNodeTransformer,
  type ColumnDefinitionNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

/**
 * The migrations are written once, in SQLite's column types (released migrations are frozen),
 * and this maps them for PostgreSQL as they run, so both dialects share one migration set:
 * - `integer` becomes `bigint`: SQLite integers are 64-bit, and the schema keeps millisecond
 *   times in them, which overflow PostgreSQL's 32-bit `integer`;
 * - `blob` becomes `bytea`;
 * - an auto-increment primary key becomes `bigserial` (PostgreSQL has no `autoincrement`).
 * Only schema statements are rewritten; other queries pass through untouched.
 */
class PortableTypes extends OperationNodeTransformer {
  protected override transformColumnDefinition(node: ColumnDefinitionNode): ColumnDefinitionNode {
    const column = super.transformColumnDefinition(node);
    if (!node.autoIncrement) return column;
    return { ...column, autoIncrement: false, dataType: DataTypeNode.create('bigserial') };
  }

  protected override transformDataType(node: DataTypeNode): DataTypeNode {
    if (node.dataType === 'integer') return DataTypeNode.create('bigint');
    if (node.dataType === 'blob') return DataTypeNode.create('bytea');
    return node;
  }
}

/** Rewrites SQLite column types of schema statements for PostgreSQL (see {@link PortableTypes}). */
export class PortableSchemaPlugin implements KyselyPlugin {
  private readonly transformer = new PortableTypes();

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (node.kind !== 'CreateTableNode' && node.kind !== 'AlterTableNode') return node;
    return this.transformer.transformNode(node);
  }

  transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(result);
  }
}

namespace Shipgate.Storage.Sqlite;

/// <summary>One step of the schema: applied once, in version order, inside the open transaction.</summary>
internal sealed record SqliteMigration(int Version, string Description, string Sql);

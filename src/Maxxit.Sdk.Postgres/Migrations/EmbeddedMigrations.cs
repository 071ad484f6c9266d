using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Maxxit.Sdk.Postgres;

/// <summary>Loads the SQL files embedded under Migrations/ (see the csproj's LogicalName) in version order.</summary>
internal static class EmbeddedMigrations
{
    private const string Prefix = "Maxxit.Sdk.Postgres.Migrations.";

    public static IReadOnlyList<PostgresMigration> All { get; } = Load();

    private static List<PostgresMigration> Load()
    {
        var asm = typeof(EmbeddedMigrations).Assembly;
        var list = new List<PostgresMigration>();
        foreach (var resource in asm.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var file = resource[Prefix.Length..^".sql".Length];
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(file[..underscore], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Embedded migration '{resource}' is not named NNN_name.sql.");
            }

            using var stream = asm.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            // Normalized so a checkout with CRLF line endings yields the same checksum.
            var sql = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
            list.Add(new PostgresMigration(version, file[(underscore + 1)..], sql, checksum));
        }

        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < list.Count; i++)
        {
            if (list[i].Version == list[i - 1].Version)
            {
                throw new InvalidOperationException($"Two embedded migrations share version {list[i].Version}.");
            }
        }

        return list;
    }
}

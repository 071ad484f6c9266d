namespace Maxxit.Sdk.Testing.Postgres;

/// <summary>Finds initdb and pg_ctl of an installed PostgreSQL; records every place it looked so a failure can say so.</summary>
internal sealed record PostgresBinaries(string BinDirectory)
{
    public string InitDb => Path.Combine(BinDirectory, "initdb");

    public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");

    public static PostgresBinaries Locate(List<string> tried)
    {
        foreach (var dir in Candidates())
        {
            var ok = File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "postgres"));
            tried.Add($"{dir}: {(ok ? "found" : "no initdb/pg_ctl/postgres")}");
            if (ok)
            {
                return new PostgresBinaries(dir);
            }
        }

        throw new InvalidOperationException(
            "No PostgreSQL server binaries found (initdb, pg_ctl, postgres). Install PostgreSQL (e.g. apt-get install postgresql), "
            + "set MAXXIT_PG_BIN to its bin directory, or set MAXXIT_TEST_POSTGRES to a connection string. Looked in: " + string.Join("; ", tried));
    }

    private static IEnumerable<string> Candidates()
    {
        var env = Environment.GetEnvironmentVariable("MAXXIT_PG_BIN");
        if (!string.IsNullOrWhiteSpace(env))
        {
            yield return env;
        }

        // Debian/Ubuntu keep server binaries outside PATH, one folder per major version; prefer the newest.
        foreach (var root in new[] { "/usr/lib/postgresql", "/usr/local/lib/postgresql" })
        {
            if (!Directory.Exists(root))
            {
                continue;
            }

            var versions = Directory.GetDirectories(root)
                .Select(d => (Dir: d, Version: double.TryParse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0))
                .OrderByDescending(x => x.Version);
            foreach (var v in versions)
            {
                yield return Path.Combine(v.Dir, "bin");
            }
        }

        foreach (var d in new[] { "/usr/local/pgsql/bin", "/opt/homebrew/bin", "/usr/pgsql/bin" })
        {
            yield return d;
        }

        foreach (var d in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            // PATH often holds symlinks (e.g. /usr/local/bin/pg_ctl); resolve so 'postgres' is found next to the real binaries.
            var pgCtl = Path.Combine(d, "pg_ctl");
            if (File.Exists(pgCtl))
            {
                var target = new FileInfo(pgCtl).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? pgCtl;
                yield return Path.GetDirectoryName(target)!;
            }
        }
    }
}

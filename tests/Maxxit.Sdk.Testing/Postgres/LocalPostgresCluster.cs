using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Maxxit.Sdk.Testing.Postgres;

/// <summary>A PostgreSQL cluster created with initdb in a temp folder, listening on 127.0.0.1 only, removed on stop.</summary>
internal sealed class LocalPostgresCluster
{
    private readonly string runDir;

    private LocalPostgresCluster(string runDir, string connectionString, string description)
    {
        this.runDir = runDir;
        ConnectionString = connectionString;
        Description = description;
    }

    public string ConnectionString { get; }

    public string Description { get; }

    private string DataDir => Path.Combine(runDir, "data");

    public static LocalPostgresCluster Start(List<string> tried)
    {
        var stale = RunDirectory.CleanStale();
        if (stale > 0)
        {
            tried.Add($"removed {stale} stale server folder(s) of crashed runs");
        }

        var bin = PostgresBinaries.Locate(tried);
        var user = ServerUser.Resolve(bin, tried);
        var runDir = RunDirectory.Create();
        var cluster = default(LocalPostgresCluster);
        try
        {
            var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            InitDb(bin, user, runDir, password);
            var port = StartServer(bin, user, runDir, tried);
            Reaper.Watch(runDir, tried);
            var cs = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = port,
                Username = "postgres",
                Password = password,
                Database = "postgres",
                IncludeErrorDetail = true,
                Timeout = 30,
                CommandTimeout = 120,
            }.ConnectionString;
            cluster = new LocalPostgresCluster(runDir, cs, $"throwaway PostgreSQL ({bin.BinDirectory}) on 127.0.0.1:{port}, run as {user.Name ?? "current user"} via {user.How}");
            return cluster;
        }
        finally
        {
            if (cluster is null)
            {
                RunDirectory.StopServer(Path.Combine(runDir, "data"));
                TryDelete(runDir);
            }
        }
    }

    /// <summary>
    /// Asks the server to stop without waiting: a test host may be killed moments after ProcessExit starts,
    /// and the reaper finishes the job once this process is gone.
    /// </summary>
    public void BeginStop() => RunDirectory.SignalServer(DataDir);

    private static void InitDb(PostgresBinaries bin, ServerUser user, string runDir, string password)
    {
        var pwFile = Path.Combine(runDir, "pw");
        File.WriteAllText(pwFile, password);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(pwFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        var init = user.Run(
            bin.InitDb,
            ["-D", Path.Combine(runDir, "data"), "-U", "postgres", "--auth=scram-sha-256", $"--pwfile={pwFile}", "-E", "UTF8", "--no-locale", "--no-sync"],
            TimeSpan.FromMinutes(3));
        File.Delete(pwFile);
        if (!init.Ok)
        {
            throw new InvalidOperationException($"initdb failed as {user.Name ?? "current user"} via {user.How}: {init}");
        }

        // Durability is pointless for a throwaway server; turning it off makes commits cheap.
        File.AppendAllText(Path.Combine(runDir, "data", "postgresql.conf"), $"""

            listen_addresses = '127.0.0.1'
            unix_socket_directories = '{runDir}'
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            max_connections = 200
            shared_buffers = 64MB
            """);
    }

    private static int StartServer(PostgresBinaries bin, ServerUser user, string runDir, List<string> tried)
    {
        var log = Path.Combine(runDir, "server.log");
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var start = user.Run(bin.PgCtl, ["start", "-D", Path.Combine(runDir, "data"), "-l", log, "-w", "-t", "90", "-o", $"-p {port}"], TimeSpan.FromMinutes(2));
            if (start.Ok)
            {
                tried.Add($"started on port {port}");
                return port;
            }

            var serverLog = File.Exists(log) ? File.ReadAllText(log) : string.Empty;
            tried.Add($"pg_ctl start on port {port}: {start}");
            // The free port we probed may have been taken by another process in between; try another.
            if (attempt < 5 && serverLog.Contains("could not bind", StringComparison.OrdinalIgnoreCase))
            {
                RunDirectory.StopServer(Path.Combine(runDir, "data"));
                continue;
            }

            throw new InvalidOperationException($"pg_ctl start failed: {start}. Server log: {serverLog}");
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static void TryDelete(string dir)
    {
        for (var i = 0; i < 5; i++)
        {
            try
            {
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, recursive: true);
                }

                return;
            }
            catch (IOException)
            {
                Thread.Sleep(100);
            }
        }
    }
}

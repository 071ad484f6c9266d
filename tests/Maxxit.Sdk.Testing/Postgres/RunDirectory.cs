using System.Globalization;

namespace Maxxit.Sdk.Testing.Postgres;

/// <summary>
/// The temp folder of one throwaway server, stamped with the owning process (pid and start time, so a reused pid is not
/// mistaken for the owner). A folder whose owner is gone belongs to a crashed run: its server is stopped and the folder removed.
/// </summary>
internal static class RunDirectory
{
    private const string OwnerFile = "owner";

    public static string BaseDirectory
    {
        get
        {
            // Unix socket paths are limited to ~107 bytes, so a long TMPDIR falls back to /tmp.
            var tmp = Path.GetTempPath();
            return Path.Combine(tmp.Length > 40 ? "/tmp" : tmp, "maxxit-pg");
        }
    }

    public static string Create()
    {
        var root = BaseDirectory;
        if (!Directory.Exists(root))
        {
            Directory.CreateDirectory(root);
            TrySetMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute | UnixFileMode.StickyBit);
        }

        var dir = Path.Combine(root, $"run-{Environment.ProcessId}-{Guid.NewGuid():N}"[..32]);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, OwnerFile), $"{Environment.ProcessId} {StartTime(Environment.ProcessId)}");

        // The server account (not us, when we are root) creates its data and socket files in here.
        TrySetMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        return dir;
    }

    /// <summary>Stops servers and removes folders left by test processes that no longer exist.</summary>
    public static int CleanStale()
    {
        var root = BaseDirectory;
        if (!Directory.Exists(root))
        {
            return 0;
        }

        var cleaned = 0;
        foreach (var dir in Directory.GetDirectories(root, "run-*"))
        {
            try
            {
                if (IsOwnerAlive(dir))
                {
                    continue;
                }

                StopServer(Path.Combine(dir, "data"));
                Directory.Delete(dir, recursive: true);
                cleaned++;
            }
            catch (IOException)
            {
                // Another process is cleaning the same folder; it will finish the job.
            }
            catch (UnauthorizedAccessException)
            {
                // Left by another account; not ours to remove.
            }
        }

        return cleaned;
    }

    /// <summary>Sends immediate shutdown to the postmaster recorded in the data folder.</summary>
    public static int SignalServer(string dataDir)
    {
        var pidFile = Path.Combine(dataDir, "postmaster.pid");
        try
        {
            if (!int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) || !IsPostgres(pid))
            {
                return 0;
            }

            Native.Signal(pid, Native.SigQuit);
            return pid;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>Immediate shutdown of the postmaster recorded in the data folder, waiting for it to exit.</summary>
    public static void StopServer(string dataDir)
    {
        var pid = SignalServer(dataDir);
        if (pid == 0)
        {
            return;
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (IsPostgres(pid) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
        }

        if (IsPostgres(pid))
        {
            try { System.Diagnostics.Process.GetProcessById(pid).Kill(); } catch (ArgumentException) { } catch (InvalidOperationException) { }
        }
    }

    private static bool IsOwnerAlive(string dir)
    {
        var ownerPath = Path.Combine(dir, OwnerFile);
        if (!File.Exists(ownerPath))
        {
            // Being created right now, or a crash before the stamp was written.
            return DateTime.UtcNow - Directory.GetCreationTimeUtc(dir) < TimeSpan.FromMinutes(2);
        }

        var parts = File.ReadAllText(ownerPath).Split(' ', 2);
        if (!int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        return Native.IsAlive(pid) && StartTime(pid) == (parts.Length > 1 ? parts[1] : string.Empty);
    }

    private static bool IsPostgres(int pid)
    {
        try
        {
            var comm = File.ReadAllText($"/proc/{pid}/comm").Trim();
            return comm.StartsWith("postgres", StringComparison.Ordinal) || comm.StartsWith("postmaster", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string StartTime(int pid)
    {
        try
        {
            // Field 22 of /proc/<pid>/stat; the command name (field 2) may contain spaces, so split after its closing ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return rest[19];
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private static void TrySetMode(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            File.SetUnixFileMode(path, mode);
        }
        catch (UnauthorizedAccessException)
        {
            // Created by another account with the right mode already.
        }
    }
}

using System.Diagnostics;
using System.Globalization;

namespace Maxxit.Sdk.Testing.Postgres;

/// <summary>
/// A detached shell that waits for this process to end (however it ends: normal exit, a test host killed by its runner,
/// a crash), then stops the server and deletes its folder. ProcessExit alone is not enough: test hosts are often killed
/// before a handler can wait for the server to shut down.
/// </summary>
internal static class Reaper
{
    private const string Script = """
        exec </dev/null >/dev/null 2>&1
        owner="$1"; dir="$2"
        while kill -0 "$owner"; do sleep 0.5; done
        if [ -f "$dir/data/postmaster.pid" ]; then
          pm=$(head -n 1 "$dir/data/postmaster.pid")
          kill -QUIT "$pm"
          i=0
          while kill -0 "$pm" && [ "$i" -lt 100 ]; do sleep 0.1; i=$((i+1)); done
          kill -KILL "$pm"
        fi
        case "$dir" in */maxxit-pg/run-*) rm -rf "$dir" ;; esac
        """;

    public static void Watch(string runDir, List<string> tried)
    {
        var psi = new ProcessStartInfo(File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : "/bin/sh") { UseShellExecute = false };
        if (psi.FileName.EndsWith("setsid", StringComparison.Ordinal))
        {
            // Own session: a runner that kills our process group leaves the reaper alive to clean up.
            psi.ArgumentList.Add("/bin/sh");
        }

        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(Script);
        psi.ArgumentList.Add("maxxit-pg-reaper");
        psi.ArgumentList.Add(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        psi.ArgumentList.Add(runDir);
        try
        {
            using var p = Process.Start(psi);
            tried.Add($"reaper started (pid {p?.Id})");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            // Not fatal: ProcessExit and the stale-folder sweep of the next run still clean up.
            tried.Add($"reaper not started: {ex.Message}");
        }
    }
}

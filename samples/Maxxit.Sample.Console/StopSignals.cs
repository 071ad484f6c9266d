using System.Runtime.InteropServices;

namespace Maxxit.Sample.Console;

/// <summary>
/// Makes SIGINT stop the sample wherever it runs. A non-interactive shell starts background jobs (<c>worker &gt; log &amp;</c>,
/// <c>nohup … &amp;</c> from a script) with SIGINT ignored, and .NET leaves an ignored SIGINT ignored, so neither
/// Ctrl+C nor <c>kill -INT</c> would reach the host. Restoring the default disposition before .NET installs its handlers
/// lets the generic host see SIGINT (as it sees SIGTERM) and shut down cleanly.
/// </summary>
internal static class StopSignals
{
    private const int SigInt = 2;

    /// <summary>Call first thing in Main, before anything touches the console or registers a signal handler.</summary>
    public static void RestoreInterrupt()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
        {
            _ = Signal(SigInt, IntPtr.Zero); // SIG_DFL
        }
    }

    [DllImport("libc", EntryPoint = "signal")]
    private static extern IntPtr Signal(int signal, IntPtr handler);
}

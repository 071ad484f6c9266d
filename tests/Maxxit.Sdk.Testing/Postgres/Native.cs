using System.Runtime.InteropServices;

namespace Maxxit.Sdk.Testing.Postgres;

/// <summary>The two libc calls .NET does not expose: the effective uid, and sending a signal other than SIGKILL.</summary>
internal static class Native
{
    public const int SigQuit = 3;

    public static bool IsRoot => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() ? geteuid() == 0 : false;

    public static bool Signal(int pid, int signal) => kill(pid, signal) == 0;

    public static bool IsAlive(int pid) => kill(pid, 0) == 0 || Marshal.GetLastPInvokeError() == 1 /* EPERM: exists, not ours */;

    // DllImport rather than LibraryImport: the source-generated form needs unsafe code enabled for the whole project.
    [DllImport("libc", SetLastError = true)]
    private static extern uint geteuid();

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}

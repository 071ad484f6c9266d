namespace Maxxit.Sdk.Testing.Postgres;

/// <summary>
/// Who runs the throwaway server. PostgreSQL refuses to start as root, so under root we drop to an unprivileged
/// account (our own 'maxxit-pg', created on first use, else an existing one) through runuser, setpriv or su.
/// </summary>
internal sealed class ServerUser
{
    private const string OwnUser = "maxxit-pg";

    private readonly Func<string, IReadOnlyList<string>, (string File, List<string> Args)> wrap;

    private ServerUser(string? name, string how, Func<string, IReadOnlyList<string>, (string, List<string>)> wrap)
    {
        Name = name;
        How = how;
        this.wrap = wrap;
    }

    /// <summary>Account name, or null when the current (non-root) user runs the server.</summary>
    public string? Name { get; }

    public string How { get; }

    public ProcessResult Run(string file, IReadOnlyList<string> args, TimeSpan timeout)
    {
        var (f, a) = wrap(file, args);
        return ProcessRunner.Run(f, a, timeout);
    }

    public static ServerUser Resolve(PostgresBinaries bin, List<string> tried)
    {
        if (!Native.IsRoot)
        {
            tried.Add("running as a non-root user: server runs as the current user");
            return new ServerUser(null, "current user", (f, a) => (f, a.ToList()));
        }

        foreach (var name in CandidateUsers(tried))
        {
            foreach (var user in Wrappers(name))
            {
                var probe = user.Run(bin.InitDb, ["--version"], TimeSpan.FromSeconds(30));
                tried.Add($"user {name} via {user.How}: {(probe.Ok ? "ok" : probe.ToString())}");
                if (probe.Ok)
                {
                    return user;
                }
            }
        }

        throw new InvalidOperationException(
            "Running as root and could not run PostgreSQL as an unprivileged user (postgres refuses root). Tried: " + string.Join("; ", tried));
    }

    private static IEnumerable<string> CandidateUsers(List<string> tried)
    {
        if (!Exists(OwnUser))
        {
            var add = ProcessRunner.Run("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", OwnUser], TimeSpan.FromSeconds(30));
            // Another test process may have created it at the same moment; existence is what matters.
            tried.Add($"useradd {OwnUser}: {(add.Ok ? "created" : add.ToString())}");
        }

        foreach (var name in new[] { OwnUser, "postgres", "nobody" })
        {
            if (Exists(name))
            {
                yield return name;
            }
            else
            {
                tried.Add($"user {name}: does not exist");
            }
        }
    }

    private static bool Exists(string name) => ProcessRunner.Run("id", ["-u", name], TimeSpan.FromSeconds(10)).Ok;

    private static IEnumerable<ServerUser> Wrappers(string name)
    {
        yield return new ServerUser(name, "runuser", (f, a) => ("runuser", ["-u", name, "--", f, .. a]));

        var gid = ProcessRunner.Run("id", ["-g", name], TimeSpan.FromSeconds(10)).StdOut.Trim();
        yield return new ServerUser(name, "setpriv", (f, a) => ("setpriv", [$"--reuid={name}", $"--regid={gid}", "--clear-groups", "--", f, .. a]));

        yield return new ServerUser(name, "su", (f, a) => ("su", ["-s", "/bin/sh", name, "-c", string.Join(' ', new[] { f }.Concat(a).Select(Quote))]));
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

namespace Maxxit.Sample.Console;

/// <summary>What the sample was asked to do.</summary>
public sealed record SampleOptions
{
    public const string Usage = """
        Usage: dotnet run --project samples/Maxxit.Sample.Console -- [options]
          (no options)              run the demo flow offline: in-memory store, paper venues
          --postgres "<conn>"       run on PostgreSQL instead of the in-memory store
                                    (needs MAXXIT_MASTER_KEY: base64 of 32 bytes)
          --verify                  print the V3 verify report (with --postgres)
          --worker                  run the automated signal worker until Ctrl+C
        """;

    public string? PostgresConnectionString { get; init; }

    /// <summary>Base64 master key for agent keys; defaults to the MAXXIT_MASTER_KEY environment variable (required with --postgres).</summary>
    public string? MasterKey { get; init; } = Environment.GetEnvironmentVariable(SampleHost.MasterKeyVariable);

    public bool Verify { get; init; }

    public bool Worker { get; init; }

    public static SampleOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SampleOptions();
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--postgres" when i + 1 < args.Count => options with { PostgresConnectionString = args[++i] },
                "--postgres" => throw new SampleUsageException("--postgres needs a connection string"),
                "--verify" => options with { Verify = true },
                "--worker" => options with { Worker = true },
                "--help" or "-h" => throw new SampleUsageException("Help requested."),
                var other => throw new SampleUsageException($"Unknown option '{other}'."),
            };
        }

        return options;
    }
}

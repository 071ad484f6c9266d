using Microsoft.Extensions.Configuration;

namespace Maxxit.Sample.Console;

/// <summary>
/// What the sample was asked to do. Settings come from .NET configuration, as in the API sample: appsettings.json,
/// the environment (<c>Maxxit__MasterKey</c>, <c>Maxxit__PreviousMasterKeys__0</c>, <c>Maxxit__Postgres</c>) and the
/// command line (<c>--master-key</c>, <c>--postgres</c>), later ones winning.
/// </summary>
public sealed record SampleOptions
{
    public const string Usage = """
        Usage: dotnet run --project samples/Maxxit.Sample.Console -- [options]
          (no options)              run the demo flow offline: in-memory store, paper venues
          --postgres "<conn>"       run on PostgreSQL instead of the in-memory store
                                    (needs a master key: base64 of 32 bytes)
          --master-key <base64>     the master key (or Maxxit__MasterKey in the environment)
          --verify                  print the V3 verify report (with --postgres)
          --worker                  run the automated signal worker until Ctrl+C
        """;

    public string? PostgresConnectionString { get; init; }

    /// <summary>Base64 master key for agent keys (required with --postgres): <c>--master-key</c> or <c>Maxxit:MasterKey</c>.</summary>
    public string? MasterKey { get; init; }

    /// <summary>Older master keys, for decryption during a rotation: <c>Maxxit:PreviousMasterKeys:0</c>, ….</summary>
    public IReadOnlyList<string> PreviousMasterKeys { get; init; } = [];

    public bool Verify { get; init; }

    public bool Worker { get; init; }

    /// <summary>Reads the settings from <paramref name="configuration"/> (default: appsettings.json and the environment), then the arguments.</summary>
    public static SampleOptions Parse(IReadOnlyList<string> args, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        configuration ??= DefaultConfiguration();
        var options = new SampleOptions
        {
            MasterKey = Setting(configuration, "Maxxit:MasterKey"),
            PreviousMasterKeys = configuration.GetSection("Maxxit:PreviousMasterKeys").GetChildren()
                .Select(c => c.Value?.Trim()).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList(),
            PostgresConnectionString = Setting(configuration, "Maxxit:Postgres"),
        };
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--postgres" when i + 1 < args.Count => options with { PostgresConnectionString = args[++i] },
                "--postgres" => throw new SampleUsageException("--postgres needs a connection string"),
                "--master-key" when i + 1 < args.Count => options with { MasterKey = args[++i] },
                "--master-key" => throw new SampleUsageException("--master-key needs a base64 key"),
                "--verify" => options with { Verify = true },
                "--worker" => options with { Worker = true },
                "--help" or "-h" => throw new SampleUsageException("Help requested."),
                var other => throw new SampleUsageException($"Unknown option '{other}'."),
            };
        }

        return options;
    }

    /// <summary>Puts the master keys into the SDK's options.</summary>
    public void ApplyTo(Maxxit.Sdk.MaxxitOptions sdk)
    {
        ArgumentNullException.ThrowIfNull(sdk);
        sdk.MasterKey = MasterKey;
        foreach (var key in PreviousMasterKeys)
        {
            sdk.PreviousMasterKeys.Add(key);
        }
    }

    // The master key and the connection string (which may hold a password) must not be printed with the options.
    public override string ToString() =>
        $"SampleOptions {{ MasterKey = {(MasterKey is null ? "none" : "***")}, PreviousMasterKeys = {PreviousMasterKeys.Count}, Postgres = {(PostgresConnectionString is null ? "off" : "***")}, Verify = {Verify}, Worker = {Worker} }}";

    private static IConfiguration DefaultConfiguration() => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();

    private static string? Setting(IConfiguration configuration, string key) =>
        configuration[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace Maxxit.Sample.Api;

/// <summary>The host's settings, read from configuration: command line (<c>--master-key</c>, <c>--postgres</c>), environment (<c>MAXXIT__MASTERKEY</c>, <c>MAXXIT__POSTGRES</c>) or appsettings.</summary>
public sealed record ApiSettings(string MasterKey, bool MasterKeyGenerated, string? PostgresConnectionString)
{
    public const string DefaultUrls = "http://localhost:3000";

    /// <summary>Older master keys, for decryption during a rotation (<c>Maxxit__PreviousMasterKeys__0</c>, …).</summary>
    public IReadOnlyList<string> PreviousMasterKeys { get; init; } = [];

    /// <summary>Puts the master keys into the SDK's options.</summary>
    public void ApplyTo(Maxxit.Sdk.MaxxitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.MasterKey = MasterKey;
        foreach (var key in PreviousMasterKeys)
        {
            options.PreviousMasterKeys.Add(key);
        }
    }

    public static ApiSettings From(IConfiguration configuration)
    {
        var postgres = FirstSet(configuration, "postgres", "Maxxit:Postgres");
        var masterKey = ReadMasterKey(configuration);
        var previous = configuration.GetSection("Maxxit:PreviousMasterKeys").GetChildren()
            .Select(c => c.Value?.Trim()).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
        if (previous.Any(v => !IsAes256Key(v)))
        {
            throw new ApiStartupException("every previous master key (MAXXIT__PREVIOUSMASTERKEYS__0, …) must be base64 of exactly 32 bytes");
        }

        if (masterKey is not null)
        {
            return new ApiSettings(masterKey, MasterKeyGenerated: false, postgres) { PreviousMasterKeys = previous };
        }

        if (previous.Count > 0)
        {
            throw new ApiStartupException("previous master keys need a current one: set MAXXIT__MASTERKEY (or --master-key)");
        }

        // A throw-away key would make every stored agent key undecryptable after a restart, so a durable store needs a real one.
        if (postgres is not null)
        {
            throw new ApiStartupException("--postgres needs a master key: set MAXXIT__MASTERKEY (or --master-key) to base64 of 32 bytes");
        }

        return new ApiSettings(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), MasterKeyGenerated: true, null);
    }

    /// <summary>The configured master key (checked to be base64 of 32 bytes), or null when none is set.</summary>
    public static string? ReadMasterKey(IConfiguration configuration)
    {
        var value = FirstSet(configuration, "master-key", "Maxxit:MasterKey");
        if (value is null)
        {
            return null;
        }

        if (!IsAes256Key(value))
        {
            throw new ApiStartupException("the master key (MAXXIT__MASTERKEY or --master-key) must be base64 of exactly 32 bytes");
        }

        return value;
    }

    private static bool IsAes256Key(string value)
    {
        Span<byte> buffer = stackalloc byte[48];
        return Convert.TryFromBase64String(value, buffer, out var written) && written == 32;
    }

    // Records print every property; the master key and the connection string (which may hold a password) must not.
    public override string ToString() =>
        $"ApiSettings {{ MasterKey = ***, MasterKeyGenerated = {MasterKeyGenerated}, PreviousMasterKeys = {PreviousMasterKeys.Count}, Postgres = {(PostgresConnectionString is null ? "off" : "***")} }}";

    private static string? FirstSet(IConfiguration configuration, params string[] keys) =>
        keys.Select(k => configuration[k]).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}

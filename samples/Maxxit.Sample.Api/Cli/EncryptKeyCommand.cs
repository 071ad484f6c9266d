using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Maxxit.Sdk;
using Maxxit.Sdk.Security;

namespace Maxxit.Sample.Api.Cli;

/// <summary>
/// <c>encrypt-key --venue hyperliquid|ostium --user-wallet 0x… --agent-address 0x…</c>: reads an agent private key (64
/// hex digits) from stdin — never from the command line, where it would land in shell history — and prints its
/// AES-256-GCM triple and key id under the master key (MAXXIT__MASTERKEY or --master-key) as JSON, bound to that user
/// wallet, venue and agent address (a deploy for anyone else refuses it), ready to paste into a deploy request.
/// </summary>
public static class EncryptKeyCommand
{
    public const string Name = "encrypt-key";

    public const string Usage =
        "usage: MAXXIT__MASTERKEY=<base64 32 bytes> dotnet run --project samples/Maxxit.Sample.Api -- encrypt-key --venue hyperliquid|ostium --user-wallet 0x… --agent-address 0x… < key.txt";

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
            var masterKey = ApiSettings.ReadMasterKey(configuration)
                ?? throw new ApiStartupException("no master key: set MAXXIT__MASTERKEY (or --master-key) to the API host's master key");
            var venue = VenueOf(configuration["venue"]);
            var binding = new AgentKeyBinding(Address(configuration["user-wallet"], "--user-wallet"), venue, Address(configuration["agent-address"], "--agent-address"));
            var prefix = $"{venue.Name.ToLowerInvariant()}_agent_";
            var key = ParseKey(ReadSecretLine(stdin));
            EncryptedSecret secret;
            using (var protector = new AesGcmAgentKeyProtector(Convert.FromBase64String(masterKey)))
            {
                secret = protector.Protect(key, binding);
                CryptographicOperations.ZeroMemory(key);
            }

            var triple = new Dictionary<string, string>
            {
                [prefix + "key_encrypted"] = secret.Ciphertext,
                [prefix + "key_iv"] = secret.Iv,
                [prefix + "key_tag"] = secret.Tag,
                [prefix + "key_id"] = secret.KeyId!,
            };
            stdout.WriteLine(JsonSerializer.Serialize(triple, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }
        catch (ApiStartupException ex)
        {
            stderr.WriteLine($"{Name}: {ex.Message}");
            stderr.WriteLine(Usage);
            return 2;
        }
    }

    private static Venue VenueOf(string? venue)
    {
        if (!Venue.TryParse(venue, out var parsed) || (parsed != Venue.Hyperliquid && parsed != Venue.Ostium))
        {
            throw new ApiStartupException("--venue must be hyperliquid or ostium (the key is bound to its venue)");
        }

        return parsed;
    }

    private static string Address(string? value, string option)
    {
        var address = value?.Trim() ?? string.Empty;
        if (address.Length != 42 || !address.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || !address[2..].All(char.IsAsciiHexDigit))
        {
            throw new ApiStartupException($"{option} must be 0x followed by 40 hex digits (the key is bound to it)");
        }

        return address;
    }

    // The message never repeats the input: it is a private key.
    private static byte[] ParseKey(string? line)
    {
        var digits = line?.Trim() ?? string.Empty;
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[2..];
        }

        if (digits.Length != 64 || !digits.All(char.IsAsciiHexDigit))
        {
            throw new ApiStartupException("stdin must hold the private key as 64 hex digits (optionally 0x-prefixed)");
        }

        return Convert.FromHexString(digits);
    }

    // On a terminal, read without echo so that the key does not stay on screen either.
    private static string? ReadSecretLine(TextReader stdin)
    {
        if (!ReferenceEquals(stdin, Console.In) || Console.IsInputRedirected)
        {
            return stdin.ReadLine();
        }

        Console.Error.Write("private key (hidden): ");
        var line = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && line.Length > 0)
            {
                line.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                line.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return line.ToString();
    }
}

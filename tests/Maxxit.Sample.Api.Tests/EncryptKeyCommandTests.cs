using System.Security.Cryptography;
using System.Text.Json;
using Maxxit.Sample.Api.Cli;
using Maxxit.Sdk.Security;

namespace Maxxit.Sample.Api.Tests;

public sealed class EncryptKeyCommandTests
{
    private static readonly string MasterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void The_triple_decrypts_to_the_key_under_the_master_key_only_for_its_owner()
    {
        var triple = KeyTriple.Encrypt(MasterKey, Wallets.PrivateKey, "ostium", Wallets.User, Wallets.OstiumAgent);
        Assert.Equal(["ostium_agent_key_encrypted", "ostium_agent_key_id", "ostium_agent_key_iv", "ostium_agent_key_tag"], triple.Keys.Order());
        using var protector = new AesGcmAgentKeyProtector(Convert.FromBase64String(MasterKey));
        var secret = new EncryptedSecret(triple["ostium_agent_key_encrypted"], triple["ostium_agent_key_iv"], triple["ostium_agent_key_tag"]) { KeyId = triple["ostium_agent_key_id"] };
        Assert.Equal(protector.CurrentKeyId, secret.KeyId);
        using var plain = protector.Unprotect(secret, new AgentKeyBinding(Wallets.User, Maxxit.Sdk.Venue.Ostium, Wallets.OstiumAgent));
        Assert.Equal(Convert.FromHexString(Wallets.PrivateKey[2..]), plain.Span.ToArray());
        Assert.Throws<Maxxit.Sdk.Errors.MaxxitValidationException>(() => protector.Unprotect(secret, new AgentKeyBinding(Wallets.Creator, Maxxit.Sdk.Venue.Ostium, Wallets.OstiumAgent)));

        var again = KeyTriple.Encrypt(MasterKey, Wallets.PrivateKey[2..], "ostium", Wallets.User, Wallets.OstiumAgent);
        Assert.NotEqual(triple["ostium_agent_key_iv"], again["ostium_agent_key_iv"]);
    }

    [Theory]
    [InlineData("not a key")]
    [InlineData("0x1234")]
    [InlineData("")]
    public void A_malformed_key_fails_without_echoing_it(string input)
    {
        var (exit, stdout, stderr) = Run(input, "--master-key", MasterKey, "--venue", "ostium", "--user-wallet", Wallets.User, "--agent-address", Wallets.OstiumAgent);
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains("64 hex digits", stderr);
        if (input.Length > 0)
        {
            Assert.DoesNotContain(input, stderr);
        }
    }

    [Fact]
    public void A_missing_or_malformed_master_key_fails()
    {
        var (exit, stdout, stderr) = Run(Wallets.PrivateKey, "--master-key", "c2hvcnQ=", "--venue", "ostium", "--user-wallet", Wallets.User, "--agent-address", Wallets.OstiumAgent);
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains("32 bytes", stderr);
        Assert.DoesNotContain("c2hvcnQ=", stderr);

        var (exitNoVenue, _, venueError) = Run(Wallets.PrivateKey, "--master-key", MasterKey, "--venue", "gmx", "--user-wallet", Wallets.User, "--agent-address", Wallets.OstiumAgent);
        Assert.Equal(2, exitNoVenue);
        Assert.Contains("--venue", venueError);

        var (exitNoOwner, _, ownerError) = Run(Wallets.PrivateKey, "--master-key", MasterKey, "--venue", "ostium", "--agent-address", Wallets.OstiumAgent);
        Assert.Equal(2, exitNoOwner);
        Assert.Contains("--user-wallet", ownerError);
    }

    [Fact]
    public void The_key_is_read_from_stdin_only_never_from_the_arguments()
    {
        // A key given as an argument is not picked up: stdin is empty, so the command refuses.
        var (exit, stdout, _) = Run(string.Empty, "--master-key", MasterKey, "--venue", "ostium", "--user-wallet", Wallets.User, "--agent-address", Wallets.OstiumAgent, "--key", Wallets.PrivateKey);
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
    }

    private static (int Exit, string Stdout, string Stderr) Run(string stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = EncryptKeyCommand.Run(args, new StringReader(stdin), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}

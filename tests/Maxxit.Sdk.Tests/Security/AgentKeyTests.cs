using System.Security.Cryptography;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Security;
using Maxxit.Sdk.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Tests.Security;

public sealed class AgentKeyTests
{
    private const string PrivateKey = "0x0123456789012345678901234567890123456789012345678901234567890123";

    [Fact]
    public async Task Plain_keys_are_encrypted_at_deploy_and_decrypt_back_in_memory()
    {
        var master = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        using var sp = TestServices.Build(options: o => o.MasterKey = master);
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 0);

        var deployment = await client.DeployAgentAsync(new DeployAgentRequest
        {
            AgentId = agent.Id,
            UserWallet = TestServices.Wallet(5),
            AgentWallets = new Dictionary<Venue, AgentKeyInput> { [Venue.Hyperliquid] = new() { Address = TestServices.Wallet(6), PrivateKey = PrivateKey } },
        });

        var stored = (await sp.GetRequiredService<IDeploymentStore>().GetDeploymentAsync(deployment.Id, default))!;
        var secret = stored.AgentWallets[Venue.Hyperliquid].EncryptedKey!;
        Assert.DoesNotContain("0123456789", secret.Ciphertext, StringComparison.Ordinal);
        Assert.Equal(12, Convert.FromBase64String(secret.Iv).Length);
        Assert.Equal(16, Convert.FromBase64String(secret.Tag).Length);
        using var plain = sp.GetRequiredService<IAgentKeyProtector>().Unprotect(secret);
        Assert.Equal(Convert.FromHexString(PrivateKey[2..]), plain.Span.ToArray());
        Assert.DoesNotContain("0123456789", stored.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret.Ciphertext, stored.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Encrypted_triples_are_kept_as_given_only_if_they_decrypt_here()
    {
        var master = RandomNumberGenerator.GetBytes(32);
        using var sp = TestServices.Build(options: o => o.MasterKey = Convert.ToBase64String(master));
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 0);
        var triple = new AesGcmAgentKeyProtector(master).Protect(Convert.FromHexString(PrivateKey[2..]));
        var foreign = new AesGcmAgentKeyProtector(RandomNumberGenerator.GetBytes(32)).Protect(Convert.FromHexString(PrivateKey[2..]));

        var error = await Assert.ThrowsAsync<MaxxitValidationException>(() => client.DeployAgentAsync(new DeployAgentRequest
        {
            AgentId = agent.Id,
            UserWallet = TestServices.Wallet(5),
            AgentWallets = new Dictionary<Venue, AgentKeyInput> { [Venue.Ostium] = new() { Address = TestServices.Wallet(6), EncryptedKey = foreign } },
        }));
        Assert.Equal("key_encrypted", error.Field);
        Assert.Equal(0, (await client.GetOverviewAsync()).Deployments);

        var deployment = await client.DeployAgentAsync(new DeployAgentRequest
        {
            AgentId = agent.Id,
            UserWallet = TestServices.Wallet(5),
            AgentWallets = new Dictionary<Venue, AgentKeyInput> { [Venue.Ostium] = new() { Address = TestServices.Wallet(6), EncryptedKey = triple } },
        });
        Assert.Equal(triple, deployment.AgentWallets[Venue.Ostium].EncryptedKey);
    }

    [Fact]
    public void Secrets_never_print()
    {
        var input = new AgentKeyInput { Address = TestServices.Wallet(1), PrivateKey = PrivateKey };
        Assert.DoesNotContain("0123456789", input.ToString(), StringComparison.Ordinal);
        var secret = new EncryptedSecret("Y2lwaGVy", "aXY=", "dGFn");
        Assert.DoesNotContain("Y2lwaGVy", secret.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Y2lwaGVy", new VenueAgentWallet(TestServices.Wallet(1), secret).ToString(), StringComparison.Ordinal);
        using var bytes = new SecretBytes([1, 2, 3]);
        Assert.Equal("SecretBytes { *** }", bytes.ToString());
    }

    [Fact]
    public void Tampered_ciphertext_or_bad_fields_are_typed_errors()
    {
        var protector = new AesGcmAgentKeyProtector(RandomNumberGenerator.GetBytes(32));
        var secret = protector.Protect(RandomNumberGenerator.GetBytes(32));
        var bytes = Convert.FromBase64String(secret.Ciphertext);
        bytes[0] ^= 1;
        Assert.Equal("key_encrypted", Assert.Throws<MaxxitValidationException>(() => protector.Unprotect(secret with { Ciphertext = Convert.ToBase64String(bytes) })).Field);
        Assert.Equal("key_iv", Assert.Throws<MaxxitValidationException>(() => protector.Unprotect(secret with { Iv = "AAAA" })).Field);
        Assert.Equal("key_tag", Assert.Throws<MaxxitValidationException>(() => protector.Unprotect(secret with { Tag = "not base64!" })).Field);
    }

    [Fact]
    public void Options_are_validated_with_the_option_named()
    {
        using var sp = TestServices.Build(options: o =>
        {
            o.MasterKey = "c2hvcnQ=";
            o.DefaultLeverage = 0m;
        });
        var error = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<MaxxitOptions>>().Value);
        Assert.Contains(error.Failures, f => f.StartsWith("MasterKey", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("DefaultLeverage", StringComparison.Ordinal));
    }
}

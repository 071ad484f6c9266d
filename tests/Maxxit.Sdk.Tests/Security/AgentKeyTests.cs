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
    private static readonly byte[] KeyBytes = Convert.FromHexString(PrivateKey[2..]);

    [Fact]
    public async Task Plain_keys_are_encrypted_at_deploy_bound_to_their_owner_and_decrypt_back_in_memory()
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
        var keys = sp.GetRequiredService<IAgentKeyProtector>();
        Assert.DoesNotContain("0123456789", secret.Ciphertext, StringComparison.Ordinal);
        Assert.Equal(12, Convert.FromBase64String(secret.Iv).Length);
        Assert.Equal(16, Convert.FromBase64String(secret.Tag).Length);
        Assert.Equal(keys.CurrentKeyId, secret.KeyId);
        Assert.Equal(AesGcmAgentKeyProtector.KeyIdOf(Convert.FromBase64String(master)), secret.KeyId);
        using var plain = keys.Unprotect(secret);
        Assert.Equal(KeyBytes, plain.Span.ToArray());
        Assert.DoesNotContain("0123456789", stored.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret.Ciphertext, stored.ToString(), StringComparison.Ordinal);

        // The same ciphertext does not decrypt for another owner: not for another user, venue or agent address.
        Assert.Throws<MaxxitValidationException>(() => keys.Unprotect(secret, new AgentKeyBinding(TestServices.Wallet(9), Venue.Hyperliquid, TestServices.Wallet(6))));
        Assert.Throws<MaxxitValidationException>(() => keys.Unprotect(secret, new AgentKeyBinding(TestServices.Wallet(5), Venue.Ostium, TestServices.Wallet(6))));
        Assert.Throws<MaxxitValidationException>(() => keys.Unprotect(secret, new AgentKeyBinding(TestServices.Wallet(5), Venue.Hyperliquid, TestServices.Wallet(9))));
    }

    [Fact]
    public async Task A_triple_bound_to_wallet_A_is_refused_for_wallet_B_with_the_same_error_as_one_that_does_not_decrypt()
    {
        var master = RandomNumberGenerator.GetBytes(32);
        using var sp = TestServices.Build(options: o => o.MasterKey = Convert.ToBase64String(master));
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 0);
        using var hostKeys = new AesGcmAgentKeyProtector(master);
        using var otherKeys = new AesGcmAgentKeyProtector(RandomNumberGenerator.GetBytes(32));
        var agentAddress = TestServices.Wallet(6);
        var forA = hostKeys.Protect(KeyBytes, new AgentKeyBinding(TestServices.Wallet(5), Venue.Ostium, agentAddress)) with { Binding = null };
        var foreign = otherKeys.Protect(KeyBytes, new AgentKeyBinding(TestServices.Wallet(7), Venue.Ostium, agentAddress)) with { Binding = null };

        Task<AgentDeployment> Deploy(string user, EncryptedSecret secret) => client.DeployAgentAsync(new DeployAgentRequest
        {
            AgentId = agent.Id,
            UserWallet = user,
            AgentWallets = new Dictionary<Venue, AgentKeyInput> { [Venue.Ostium] = new() { Address = agentAddress, EncryptedKey = secret } },
        });

        var stolen = await Assert.ThrowsAsync<MaxxitValidationException>(() => Deploy(TestServices.Wallet(7), forA));
        var undecryptable = await Assert.ThrowsAsync<MaxxitValidationException>(() => Deploy(TestServices.Wallet(7), foreign));

        Assert.Equal("DeployAgentRequest.AgentWallets[OSTIUM].EncryptedKey.Ciphertext", stolen.Field);
        Assert.Equal(undecryptable.Field, stolen.Field);
        Assert.Equal(undecryptable.Message, stolen.Message);
        Assert.DoesNotContain("decrypt", stolen.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, (await client.GetOverviewAsync()).Deployments);

        // The owner it was made for deploys with it; it is kept as given.
        var deployment = await Deploy(TestServices.Wallet(5), forA);
        Assert.Equal(forA, deployment.AgentWallets[Venue.Ostium].EncryptedKey);
    }

    [Fact]
    public async Task Deploy_refuses_an_unbound_legacy_triple_and_rewrites_one_made_under_a_previous_master_key()
    {
        var current = RandomNumberGenerator.GetBytes(32);
        var previous = RandomNumberGenerator.GetBytes(32);
        using var sp = TestServices.Build(options: o =>
        {
            o.MasterKey = Convert.ToBase64String(current);
            o.PreviousMasterKeys.Add(Convert.ToBase64String(previous));
        });
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 0);
        var binding = new AgentKeyBinding(TestServices.Wallet(5), Venue.Hyperliquid, TestServices.Wallet(6));
        using var old = new AesGcmAgentKeyProtector(previous);
        var underPrevious = old.Protect(KeyBytes, binding) with { Binding = null };

        var legacy = await Assert.ThrowsAsync<MaxxitValidationException>(() => client.DeployAgentAsync(new DeployAgentRequest
        {
            AgentId = agent.Id,
            UserWallet = TestServices.Wallet(5),
            AgentWallets = new Dictionary<Venue, AgentKeyInput> { [Venue.Hyperliquid] = new() { Address = TestServices.Wallet(6), EncryptedKey = underPrevious with { KeyId = null } } },
        }));
        Assert.Equal("DeployAgentRequest.AgentWallets[HYPERLIQUID].EncryptedKey.KeyId", legacy.Field);

        var deployment = await client.DeployAgentAsync(new DeployAgentRequest
        {
            AgentId = agent.Id,
            UserWallet = TestServices.Wallet(5),
            AgentWallets = new Dictionary<Venue, AgentKeyInput> { [Venue.Hyperliquid] = new() { Address = TestServices.Wallet(6), EncryptedKey = underPrevious } },
        });

        var stored = deployment.AgentWallets[Venue.Hyperliquid].EncryptedKey!;
        Assert.Equal(AesGcmAgentKeyProtector.KeyIdOf(current), stored.KeyId);
        using var currentOnly = new AesGcmAgentKeyProtector(current);
        using var plain = currentOnly.Unprotect(stored);
        Assert.Equal(KeyBytes, plain.Span.ToArray());
    }

    [Fact]
    public async Task One_protector_encrypts_and_decrypts_from_many_threads_at_once()
    {
        using var keys = new AesGcmAgentKeyProtector(RandomNumberGenerator.GetBytes(32), [RandomNumberGenerator.GetBytes(32)]);
        var failures = 0;
        using var start = new ManualResetEventSlim();
        var workers = Enumerable.Range(0, 16).Select(t => Task.Factory.StartNew(() =>
        {
            start.Wait();
            for (var i = 0; i < 500; i++)
            {
                var plain = RandomNumberGenerator.GetBytes(32);
                var binding = new AgentKeyBinding(TestServices.Wallet(t + 1), Venue.Hyperliquid, TestServices.Wallet(i + 1000));
                var secret = keys.Protect(plain, binding);
                using var back = keys.Unprotect(secret, binding);
                if (!back.Span.SequenceEqual(plain))
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }, TaskCreationOptions.LongRunning)).ToArray();

        start.Set();
        await Task.WhenAll(workers);

        Assert.Equal(0, failures);
    }

    [Fact]
    public void Secrets_never_print()
    {
        var input = new AgentKeyInput { Address = TestServices.Wallet(1), PrivateKey = PrivateKey };
        Assert.DoesNotContain("0123456789", input.ToString(), StringComparison.Ordinal);
        var secret = new EncryptedSecret("Y2lwaGVy", "aXY=", "dGFn") { KeyId = "abc" };
        Assert.DoesNotContain("Y2lwaGVy", secret.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Y2lwaGVy", new VenueAgentWallet(TestServices.Wallet(1), secret).ToString(), StringComparison.Ordinal);
        using var bytes = new SecretBytes([1, 2, 3]);
        Assert.Equal("SecretBytes { *** }", bytes.ToString());
    }

    [Fact]
    public void Tampered_ciphertext_or_bad_fields_are_typed_errors()
    {
        using var protector = new AesGcmAgentKeyProtector(RandomNumberGenerator.GetBytes(32));
        var secret = protector.Protect(RandomNumberGenerator.GetBytes(32), new AgentKeyBinding(TestServices.Wallet(1), Venue.Ostium, TestServices.Wallet(2)));
        var bytes = Convert.FromBase64String(secret.Ciphertext);
        bytes[0] ^= 1;
        Assert.Equal("EncryptedSecret.Ciphertext", Assert.Throws<MaxxitValidationException>(() => protector.Unprotect(secret with { Ciphertext = Convert.ToBase64String(bytes) })).Field);
        Assert.Equal("EncryptedSecret.Ciphertext", Assert.Throws<MaxxitValidationException>(() => protector.Unprotect(secret with { KeyId = "0000000000000000" })).Field);
        Assert.Equal("EncryptedSecret.Iv", Assert.Throws<MaxxitValidationException>(() => protector.Unprotect(secret with { Iv = "AAAA" })).Field);
        Assert.Equal("EncryptedSecret.Tag", Assert.Throws<MaxxitValidationException>(() => protector.Unprotect(secret with { Tag = "not base64!" })).Field);
        Assert.Equal("EncryptedSecret.Binding", Assert.Throws<MaxxitValidationException>(() => protector.Unprotect(secret with { Binding = null })).Field);
    }

    [Fact]
    public void Options_are_validated_with_the_option_named()
    {
        using var sp = TestServices.Build(options: o =>
        {
            o.MasterKey = "c2hvcnQ=";
            o.PreviousMasterKeys.Add("bm90IGEga2V5");
            o.DefaultLeverage = 0m;
        });
        var error = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<MaxxitOptions>>().Value);
        Assert.Contains(error.Failures, f => f.StartsWith("MasterKey", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("PreviousMasterKeys[0]", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("DefaultLeverage", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Failures, f => f.Contains("bm90IGEga2V5", StringComparison.Ordinal));
    }
}

using System.Security.Cryptography;
using Maxxit.Sdk;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Security;
using Maxxit.Sdk.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Maxxit.Sdk.Testing.Security;

/// <summary>
/// Agent keys at rest, for every store: keys come back bound to their own row, legacy keys (no key id) stay readable,
/// and rotation re-encrypts every key under the current master key while old ciphertexts keep decrypting.
/// </summary>
public abstract class AgentKeyStoreContractTests : IAsyncLifetime
{
    private static readonly byte[] OldKey = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] NewKey = RandomNumberGenerator.GetBytes(32);

    protected IMaxxitStore Store { get; private set; } = null!;

    /// <summary>Makes a fresh, empty store that also implements <see cref="IAgentKeyStore"/>.</summary>
    protected abstract Task<IMaxxitStore> CreateStoreAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => (Store as IAsyncDisposable)?.DisposeAsync().AsTask() ?? Task.CompletedTask;

    [Fact]
    public async Task Rotation_reencrypts_every_key_and_old_ciphertexts_still_decrypt_during_it()
    {
        using var old = new AesGcmAgentKeyProtector(OldKey);
        var agent = await NewAgentAsync();
        var plainKeys = new Dictionary<Guid, byte[]>();
        for (var i = 0; i < 3; i++)
        {
            var key = RandomNumberGenerator.GetBytes(32);
            var deployment = await DeployAsync(agent, Wallet(100 + i), Venue.Hyperliquid, Wallet(200 + i), (binding, bytes) => old.Protect(bytes, binding), key);
            plainKeys[deployment.Id] = key;
        }

        // One legacy row, written before key ids: no key id, no associated data.
        var legacyKey = RandomNumberGenerator.GetBytes(32);
        var legacy = await DeployAsync(agent, Wallet(150), Venue.Ostium, Wallet(250), (_, bytes) => LegacySecret(OldKey, bytes), legacyKey);
        plainKeys[legacy.Id] = legacyKey;

        // Mid-rotation: the new key is current, the old one still decrypts everything stored so far.
        using var rotating = new AesGcmAgentKeyProtector(NewKey, [OldKey]);
        await AssertAllDecryptAsync(rotating, plainKeys);

        var result = await new AgentKeyRotator(Store, rotating, NullLogger<AgentKeyRotator>.Instance).RotateAsync();

        Assert.Equal(new AgentKeyRotationResult(4, 0, 0, 0), result);
        Assert.True(result.Complete);
        using var newOnly = new AesGcmAgentKeyProtector(NewKey);
        await AssertAllDecryptAsync(newOnly, plainKeys);
        foreach (var id in plainKeys.Keys)
        {
            var secret = (await Store.GetDeploymentAsync(id, default))!.AgentWallets.Values.Single().EncryptedKey!;
            Assert.Equal(newOnly.CurrentKeyId, secret.KeyId);
            Assert.Throws<MaxxitValidationException>(() => old.Unprotect(secret).Dispose());
        }

        var again = await new AgentKeyRotator(Store, rotating, NullLogger<AgentKeyRotator>.Instance).RotateAsync();
        Assert.Equal(new AgentKeyRotationResult(0, 4, 0, 0), again);
    }

    [Fact]
    public async Task A_key_is_replaced_only_while_it_is_still_the_expected_one()
    {
        using var keys = new AesGcmAgentKeyProtector(OldKey);
        var agent = await NewAgentAsync();
        var deployment = await DeployAsync(agent, Wallet(7), Venue.Hyperliquid, Wallet(8), (binding, bytes) => keys.Protect(bytes, binding), RandomNumberGenerator.GetBytes(32));
        var stored = (await Store.GetDeploymentAsync(deployment.Id, default))!.AgentWallets[Venue.Hyperliquid].EncryptedKey!;
        var binding = new AgentKeyBinding(Wallet(7), Venue.Hyperliquid, Wallet(8));
        var first = keys.Protect(RandomNumberGenerator.GetBytes(32), binding);
        var second = keys.Protect(RandomNumberGenerator.GetBytes(32), binding);

        Assert.True(await KeyStore.ReplaceAgentKeyAsync(deployment.Id, Venue.Hyperliquid, stored, first, default));
        Assert.False(await KeyStore.ReplaceAgentKeyAsync(deployment.Id, Venue.Hyperliquid, stored, second, default));
        Assert.False(await KeyStore.ReplaceAgentKeyAsync(deployment.Id, Venue.Ostium, stored, second, default));
        Assert.False(await KeyStore.ReplaceAgentKeyAsync(Guid.NewGuid(), Venue.Hyperliquid, first, second, default));

        var loaded = (await Store.GetDeploymentAsync(deployment.Id, default))!.AgentWallets[Venue.Hyperliquid];
        Assert.Equal(first, loaded.EncryptedKey);
        Assert.Equal(Wallet(8), loaded.Address);
    }

    [Fact]
    public async Task A_ciphertext_copied_onto_another_users_deployment_does_not_decrypt_there()
    {
        using var keys = new AesGcmAgentKeyProtector(OldKey);
        var agent = await NewAgentAsync();
        var key = RandomNumberGenerator.GetBytes(32);
        var alice = await DeployAsync(agent, Wallet(1), Venue.Ostium, Wallet(3), (binding, bytes) => keys.Protect(bytes, binding), key);
        var aliceSecret = (await Store.GetDeploymentAsync(alice.Id, default))!.AgentWallets[Venue.Ostium].EncryptedKey!;

        // Bob's row gets Alice's exact ciphertext, iv, tag and key id (as a copied database row would).
        var bob = await DeployAsync(agent, Wallet(2), Venue.Ostium, Wallet(3), (_, _) => aliceSecret with { Binding = null }, key);
        var bobSecret = (await Store.GetDeploymentAsync(bob.Id, default))!.AgentWallets[Venue.Ostium].EncryptedKey!;

        using (var plain = keys.Unprotect(aliceSecret))
        {
            Assert.Equal(key, plain.Span.ToArray());
        }

        var error = Assert.Throws<MaxxitValidationException>(() => keys.Unprotect(bobSecret).Dispose());
        Assert.Equal("EncryptedSecret.Ciphertext", error.Field);
    }

    private IAgentKeyStore KeyStore => Assert.IsAssignableFrom<IAgentKeyStore>(Store);

    private async Task AssertAllDecryptAsync(IAgentKeyProtector keys, Dictionary<Guid, byte[]> expected)
    {
        var page = await KeyStore.ListDeploymentsWithKeysAsync(null, 100, default);
        Assert.Equal(expected.Keys.Order(), page.Select(d => d.Id).Order());
        foreach (var deployment in page)
        {
            using var plain = keys.Unprotect(deployment.AgentWallets.Values.Single().EncryptedKey!);
            Assert.Equal(expected[deployment.Id], plain.Span.ToArray());
        }
    }

    private static EncryptedSecret LegacySecret(byte[] masterKey, byte[] plain)
    {
        var iv = RandomNumberGenerator.GetBytes(12);
        var tag = new byte[16];
        var cipher = new byte[plain.Length];
        using var aes = new AesGcm(masterKey, 16);
        aes.Encrypt(iv, plain, cipher, tag);
        return new EncryptedSecret(Convert.ToBase64String(cipher), Convert.ToBase64String(iv), Convert.ToBase64String(tag));
    }

    private async Task<AgentDeployment> DeployAsync(Agent agent, string user, Venue venue, string agentAddress, Func<AgentKeyBinding, byte[], EncryptedSecret> encrypt, byte[] key)
    {
        var deployment = new AgentDeployment
        {
            Id = Guid.NewGuid(),
            AgentId = agent.Id,
            UserWallet = user,
            AgentWallets = new Dictionary<Venue, VenueAgentWallet>
            {
                [venue] = new(agentAddress, encrypt(new AgentKeyBinding(user, venue, agentAddress), key)),
            },
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await Store.CreateDeploymentAsync(deployment, default);
        return deployment;
    }

    private async Task<Agent> NewAgentAsync()
    {
        var agent = new Agent
        {
            Id = Guid.NewGuid(),
            CreatorWallet = Wallet(0xaa),
            Name = "Key Holder",
            Weights = new AgentWeights(1m, 0m),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await Store.CreateAgentAsync(agent, default);
        return agent;
    }

    private static string Wallet(int n) => "0x" + n.ToString("x40");
}

using System.Security.Cryptography;
using Maxxit.Sdk.Security;
using Maxxit.Sdk.Testing.Postgres;
using Microsoft.Extensions.Logging.Abstractions;

namespace Maxxit.Sdk.Postgres.Tests.Migrations;

/// <summary>
/// Migration 007: agent wallets written into the per-venue columns of a schema before it (bound keys, a legacy key, a
/// wallet in other_agent_wallets) come out of agent_wallets_v3 unchanged, decrypt, and rotate.
/// </summary>
public sealed class AgentWalletMigrationTests
{
    private const string User = "0x1111111111111111111111111111111111111111";
    private const string HlAgent = "0x2222222222222222222222222222222222222222";
    private const string OsAgent = "0x3333333333333333333333333333333333333333";
    private const string GmxAgent = "0x4444444444444444444444444444444444444444";
    private const string PaperUser = "0x5555555555555555555555555555555555555555";

    [Fact]
    public async Task Keys_in_the_old_columns_migrate_to_agent_wallets_and_decrypt()
    {
        await using var db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("mig_wallets");
        await using var ds = db.CreateDataSource();
        await new PostgresMigrator(ds).MigrateUpToAsync(6, CancellationToken.None);
        Assert.Equal(0L, await Db.ScalarAsync<long>(ds, "SELECT count(*) FROM pg_class WHERE relname = 'agent_wallets_v3'"));

        var master = RandomNumberGenerator.GetBytes(32);
        using var protector = new AesGcmAgentKeyProtector(master);
        var (hlKey, osKey, gmxKey) = (RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
        var hl = protector.Protect(hlKey, new AgentKeyBinding(User, Venue.Hyperliquid, HlAgent));
        var os = Legacy(master, osKey);   // before migration 004: no key id, no associated data
        var gmx = protector.Protect(gmxKey, new AgentKeyBinding(User, Venue.Gmx, GmxAgent));
        var agentId = Guid.NewGuid();
        var (keyed, paper) = (Guid.NewGuid(), Guid.NewGuid());
        await Db.ExecAsync(ds, "INSERT INTO agents_v3 (id, creator_wallet, name, status, weights) VALUES ($1, $2, 'old', 'ACTIVE', '{\"x\":0.5,\"research\":0.5}')", agentId, User);
        await Db.ExecAsync(
            ds,
            "INSERT INTO agent_deployments_v3 (id, agent_id, user_wallet, status, hyperliquid_agent_address, hyperliquid_key_ciphertext, hyperliquid_key_iv, hyperliquid_key_tag, hyperliquid_key_id, "
            + "ostium_agent_address, ostium_key_ciphertext, ostium_key_iv, ostium_key_tag, other_agent_wallets) "
            + "VALUES ($1, $2, $3, 'ACTIVE', $4, $5, $6, $7, $8, $9, $10, $11, $12, jsonb_build_object('GMX', jsonb_build_object('address', $13::text, 'encrypted_key', "
            + "jsonb_build_object('ciphertext', $14::text, 'iv', $15::text, 'tag', $16::text, 'key_id', $17::text))))",
            keyed, agentId, User, HlAgent, hl.Ciphertext, hl.Iv, hl.Tag, hl.KeyId!, OsAgent, os.Ciphertext, os.Iv, os.Tag, GmxAgent, gmx.Ciphertext, gmx.Iv, gmx.Tag, gmx.KeyId!);
        // A paper deployment: an address, no key.
        await Db.ExecAsync(ds, "INSERT INTO agent_deployments_v3 (id, agent_id, user_wallet, status, hyperliquid_agent_address) VALUES ($1, $2, $3, 'ACTIVE', $4)", paper, agentId, PaperUser, HlAgent);

        var store = new PostgresStore(ds);
        await store.MigrateAsync();

        var deployment = (await store.GetDeploymentAsync(keyed, CancellationToken.None))!;
        Assert.Equal([Venue.Gmx, Venue.Hyperliquid, Venue.Ostium], deployment.AgentWallets.Keys.Order());
        Assert.Equal(HlAgent, deployment.AgentWallets[Venue.Hyperliquid].Address);
        Assert.Equal(OsAgent, deployment.AgentWallets[Venue.Ostium].Address);
        Assert.Equal(GmxAgent, deployment.AgentWallets[Venue.Gmx].Address);
        Assert.Equal(hl, deployment.AgentWallets[Venue.Hyperliquid].EncryptedKey);
        Assert.Equal(os, deployment.AgentWallets[Venue.Ostium].EncryptedKey);
        Assert.Equal(gmx, deployment.AgentWallets[Venue.Gmx].EncryptedKey);
        Assert.Equal(hlKey, Decrypt(protector, deployment, Venue.Hyperliquid));
        Assert.Equal(osKey, Decrypt(protector, deployment, Venue.Ostium));
        Assert.Equal(gmxKey, Decrypt(protector, deployment, Venue.Gmx));
        var paperWallets = (await store.GetDeploymentAsync(paper, CancellationToken.None))!.AgentWallets;
        Assert.Equal(Venue.Hyperliquid, paperWallets.Single().Key);
        Assert.Equal(new Agents.VenueAgentWallet(HlAgent, null), paperWallets.Single().Value);
        // Nothing dropped: the deprecated columns still hold what they held.
        Assert.Equal(hl.Ciphertext, await Db.ScalarAsync<string>(ds, "SELECT hyperliquid_key_ciphertext FROM agent_deployments_v3 WHERE id = $1", keyed));

        // Rotation to a new master key reads the new table, rewrites it, and clears the superseded copies in the old columns.
        var newMaster = RandomNumberGenerator.GetBytes(32);
        using var rotating = new AesGcmAgentKeyProtector(newMaster, [master]);
        var rotation = await new AgentKeyRotator(store, rotating, NullLogger<AgentKeyRotator>.Instance).RotateAsync();
        Assert.Equal(new AgentKeyRotationResult(3, 0, 0, 0), rotation);
        var rotated = (await store.GetDeploymentAsync(keyed, CancellationToken.None))!;
        using var current = new AesGcmAgentKeyProtector(newMaster);
        Assert.All(rotated.AgentWallets.Values, w => Assert.Equal(current.CurrentKeyId, w.EncryptedKey!.KeyId));
        Assert.Equal(hlKey, Decrypt(current, rotated, Venue.Hyperliquid));
        Assert.Equal(osKey, Decrypt(current, rotated, Venue.Ostium));
        Assert.Equal(gmxKey, Decrypt(current, rotated, Venue.Gmx));
        Assert.Equal(
            ["|||{}"],
            await Db.ColumnAsync(ds, "SELECT coalesce(hyperliquid_key_ciphertext, '') || '|' || coalesce(hyperliquid_key_id, '') || '|' || coalesce(ostium_key_ciphertext, '') || '|' || other_agent_wallets::text FROM agent_deployments_v3 WHERE id = $1", keyed));
    }

    private static byte[] Decrypt(AesGcmAgentKeyProtector protector, Agents.AgentDeployment deployment, Venue venue)
    {
        using var plain = protector.Unprotect(deployment.AgentWallets[venue].EncryptedKey!);
        return plain.Span.ToArray();
    }

    private static EncryptedSecret Legacy(byte[] masterKey, byte[] plain)
    {
        var iv = RandomNumberGenerator.GetBytes(12);
        var tag = new byte[16];
        var cipher = new byte[plain.Length];
        using var aes = new AesGcm(masterKey, 16);
        aes.Encrypt(iv, plain, cipher, tag);
        return new EncryptedSecret(Convert.ToBase64String(cipher), Convert.ToBase64String(iv), Convert.ToBase64String(tag));
    }
}

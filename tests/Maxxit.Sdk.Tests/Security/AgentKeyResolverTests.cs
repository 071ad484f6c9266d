using System.Security.Cryptography;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Security;

namespace Maxxit.Sdk.Tests.Security;

public sealed class AgentKeyResolverTests : IDisposable
{
    private static readonly byte[] Key = Convert.FromHexString("0123456789012345678901234567890123456789012345678901234567890123");
    private readonly AesGcmAgentKeyProtector _protector = new(RandomNumberGenerator.GetBytes(32));

    public static TheoryData<Venue> Venues => [Venue.Hyperliquid, Venue.Ostium];

    public void Dispose() => _protector.Dispose();

    [Theory]
    [MemberData(nameof(Venues))]
    public void A_key_bound_to_its_deployment_and_controlling_the_recorded_address_comes_back(Venue venue)
    {
        var deployment = Deployment(TestServices.Wallet(5), venue, AddressOf(Key)!, Key, TestServices.Wallet(5));

        using var secret = Resolver().Resolve(deployment, venue);

        Assert.Equal(Key, secret.Span.ToArray());
        Assert.DoesNotContain("0123456789", secret.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Venues))]
    public void A_key_that_controls_another_address_is_a_typed_error_without_the_key(Venue venue)
    {
        var recorded = TestServices.Wallet(6);
        var deployment = Deployment(TestServices.Wallet(5), venue, recorded, Key, TestServices.Wallet(5));

        var error = Assert.Throws<AgentKeyException>(() => Resolver().Resolve(deployment, venue));

        Assert.Equal(AgentKeyFailure.AddressMismatch, error.Failure);
        Assert.Equal(venue, error.Venue);
        Assert.Contains(recorded, error.Message, StringComparison.Ordinal);
        Assert.Contains(AddressOf(Key)!, error.Message, StringComparison.Ordinal);
        AssertNoSecret(error, deployment, venue);
    }

    [Theory]
    [MemberData(nameof(Venues))]
    public void A_ciphertext_made_for_another_owner_does_not_decrypt_and_says_so_without_the_key(Venue venue)
    {
        // Encrypted for user 7, then copied onto user 5's deployment: the store binds it to user 5, so the AAD differs.
        var deployment = Deployment(TestServices.Wallet(5), venue, AddressOf(Key)!, Key, encryptedFor: TestServices.Wallet(7));

        var error = Assert.Throws<AgentKeyException>(() => Resolver().Resolve(deployment, venue));

        Assert.Equal(AgentKeyFailure.Undecryptable, error.Failure);
        Assert.IsType<MaxxitValidationException>(error.InnerException);
        AssertNoSecret(error, deployment, venue);
    }

    [Fact]
    public void A_ciphertext_bound_to_another_venue_does_not_decrypt_for_this_one()
    {
        var hyperliquid = Deployment(TestServices.Wallet(5), Venue.Hyperliquid, AddressOf(Key)!, Key, TestServices.Wallet(5));
        var moved = AgentKeyBinding.BindKeys(hyperliquid with
        {
            AgentWallets = new Dictionary<Venue, VenueAgentWallet> { [Venue.Ostium] = hyperliquid.AgentWallets[Venue.Hyperliquid] with { EncryptedKey = hyperliquid.AgentWallets[Venue.Hyperliquid].EncryptedKey! with { Binding = null } } },
        });

        var error = Assert.Throws<AgentKeyException>(() => Resolver().Resolve(moved, Venue.Ostium));

        Assert.Equal(AgentKeyFailure.Undecryptable, error.Failure);
    }

    [Theory]
    [MemberData(nameof(Venues))]
    public void A_deployment_without_a_wallet_for_the_venue_is_a_missing_key(Venue venue)
    {
        var other = venue == Venue.Hyperliquid ? Venue.Ostium : Venue.Hyperliquid;
        var deployment = Deployment(TestServices.Wallet(5), other, AddressOf(Key)!, Key, TestServices.Wallet(5));

        var error = Assert.Throws<AgentKeyException>(() => Resolver().Resolve(deployment, venue));
        Assert.Equal(AgentKeyFailure.Missing, error.Failure);
        Assert.Equal(AgentKeyFailure.Missing, Assert.Throws<AgentKeyException>(() => AgentKeyResolver.WalletOf(deployment, venue)).Failure);
        Assert.Same(deployment.AgentWallets[other], AgentKeyResolver.WalletOf(deployment, other));
    }

    [Fact]
    public void Bytes_that_are_no_valid_key_for_the_venue_are_an_invalid_key()
    {
        var shortKey = Key[..31];
        var deployment = Deployment(TestServices.Wallet(5), Venue.Ostium, TestServices.Wallet(6), shortKey, TestServices.Wallet(5));

        var error = Assert.Throws<AgentKeyException>(() => Resolver().Resolve(deployment, Venue.Ostium));

        Assert.Equal(AgentKeyFailure.InvalidKey, error.Failure);
        AssertNoSecret(error, deployment, Venue.Ostium);
    }

    [Fact]
    public void An_agent_key_error_is_a_venue_refusal_so_the_executor_fails_over()
    {
        var deployment = Deployment(TestServices.Wallet(5), Venue.Ostium, TestServices.Wallet(6), Key, TestServices.Wallet(5));

        Assert.IsAssignableFrom<VenueException>(Assert.Throws<AgentKeyException>(() => Resolver().Resolve(deployment, Venue.Ostium)));
    }

    // A stand-in for a curve's address derivation: deterministic, 20 bytes, only for 32-byte keys.
    private static string? AddressOf(ReadOnlySpan<byte> privateKey) =>
        privateKey.Length == 32 ? "0x" + Convert.ToHexString(SHA256.HashData(privateKey))[..40].ToLowerInvariant() : null;

    private static void AssertNoSecret(Exception error, AgentDeployment deployment, Venue venue)
    {
        var text = error.ToString();
        Assert.DoesNotContain(Convert.ToHexString(Key)[..16], text, StringComparison.OrdinalIgnoreCase);
        var secret = deployment.AgentWallets[venue].EncryptedKey!;
        Assert.DoesNotContain(secret.Ciphertext, text, StringComparison.Ordinal);
        Assert.DoesNotContain(secret.Tag, text, StringComparison.Ordinal);
    }

    private AgentKeyResolver Resolver() => new(_protector, AddressOf);

    // As a store reads it: the wallet's triple bound to the deployment's own (user, venue, agent address).
    private AgentDeployment Deployment(string user, Venue venue, string agentAddress, byte[] key, string encryptedFor)
    {
        var secret = _protector.Protect(key, new AgentKeyBinding(encryptedFor, venue, agentAddress)) with { Binding = null };
        return AgentKeyBinding.BindKeys(new AgentDeployment
        {
            Id = Guid.NewGuid(),
            AgentId = Guid.NewGuid(),
            UserWallet = user,
            AgentWallets = new Dictionary<Venue, VenueAgentWallet> { [venue] = new(agentAddress, secret) },
            CreatedAt = DateTimeOffset.UnixEpoch,
        });
    }
}

using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Ostium.Orders;
using Maxxit.Sdk.Ostium.Rpc;
using Maxxit.Sdk.Ostium.Tests.Fakes;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Venues;
using static Maxxit.Sdk.Ostium.Tests.OstiumTestKit;

namespace Maxxit.Sdk.Ostium.Tests;

/// <summary>
/// Node errors after a transaction was signed and journaled never make the order look refused while it may still be
/// mined; re-runs follow the journaled transaction or broadcast its very bytes again.
/// </summary>
public sealed class OstiumSendFailureTests : IAsyncLifetime
{
    private readonly FakeOstiumNode _node = new();

    public Task InitializeAsync()
    {
        _node.AllowedSenders.Add(Agent);
        _node.FundTrader(Trader, 1_000m, allowance: 10_000m);
        _node.Delegations[Trader] = Agent;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Nonce_too_low_for_a_transaction_the_node_did_take_is_followed_to_its_receipt()
    {
        var (venue, keys) = Venue(_node);
        _node.AnswerNextSendWithError = "nonce too low";

        var result = await venue.PlaceOrderAsync(Order(Deployment(keys, Trader), await MarketAsync(venue, "XAU"), new RecordingJournal(_node)), default);

        Assert.Equal(OrderStatus.Pending, result.Status);
        Assert.Equal("1001", result.VenueOrderId);
    }

    [Fact]
    public async Task Replacement_underpriced_leaves_the_order_unresolved_and_the_rerun_broadcasts_the_same_bytes()
    {
        var (venue, keys) = Venue(_node);
        var deployment = Deployment(keys, Trader);
        var xau = await MarketAsync(venue, "XAU");
        var journal = new RecordingJournal(_node);
        _node.RefuseNextSendWith = "replacement transaction underpriced";

        var error = await Assert.ThrowsAsync<TransactionPendingException>(async () => await venue.PlaceOrderAsync(Order(deployment, xau, journal), default));

        Assert.IsNotAssignableFrom<VenueException>(error);
        Assert.Empty(_node.Received);
        var journaled = Assert.Single(journal.Records).Id;
        Assert.True(OstiumSubmission.TryParse(journaled, out var hash, out var raw));
        Assert.Equal(hash, error.TransactionHash);

        var rerun = await venue.PlaceOrderAsync(Order(deployment, xau, new RecordingJournal(_node, journaled)), default);

        var mined = Assert.Single(_node.Received);
        Assert.Equal(hash, mined.Signed.HashHex());
        Assert.Equal(raw, mined.Signed.RawBytes.ToArray());
        Assert.Equal(hash, rerun.SubmissionId);
        Assert.Equal("1001", rerun.VenueOrderId);
    }

    [Fact]
    public async Task A_crash_between_journaling_and_sending_is_recovered_by_rebroadcasting_the_journaled_transaction()
    {
        var (venue, keys) = Venue(_node);
        var deployment = Deployment(keys, Trader);
        var xau = await MarketAsync(venue, "XAU");
        var crashing = new CrashingJournal();

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await venue.PlaceOrderAsync(Order(deployment, xau, crashing), default));
        Assert.Equal(0, _node.SendCount);

        var fateBefore = await venue.GetOrderFateAsync(Query(deployment, xau, crashing.Recorded!), default);
        var rerun = await venue.PlaceOrderAsync(Order(deployment, xau, new RecordingJournal(_node, crashing.Recorded)), default);

        Assert.Equal(OrderFateStatus.Unknown, fateBefore.Status);
        Assert.Contains("rebroadcasts", fateBefore.Reason, StringComparison.Ordinal);
        Assert.Equal(1, _node.SendCount);
        Assert.StartsWith(Assert.Single(_node.Received).Signed.HashHex() + "|", crashing.Recorded, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Pending, rerun.Status);
    }

    [Fact]
    public async Task A_nonce_taken_by_another_transaction_means_this_one_can_never_land_and_the_order_is_refused()
    {
        var (venue, keys) = Venue(_node);
        var deployment = Deployment(keys, Trader);
        var xau = await MarketAsync(venue, "XAU");
        var journal = new RecordingJournal(_node);
        _node.RefuseNextSendWith = "nonce too low";
        _node.AnotherTransactionTakesTheNonce = true;

        var error = await Assert.ThrowsAsync<TransactionNeverMinedException>(async () => await venue.PlaceOrderAsync(Order(deployment, xau, journal), default));
        var fate = await venue.GetOrderFateAsync(Query(deployment, xau, journal.PriorSubmissionId!), default);

        Assert.Contains("never mined", error.Message, StringComparison.Ordinal);
        Assert.Equal(OrderFateStatus.Cancelled, fate.Status);
        Assert.Contains("never mined", fate.Reason, StringComparison.Ordinal);
        Assert.Empty(_node.Received);
    }

    [Fact]
    public async Task A_receipt_timeout_is_resumed_from_the_journal_once_the_transaction_is_mined()
    {
        var (venue, keys) = Venue(_node);
        var deployment = Deployment(keys, Trader);
        var xau = await MarketAsync(venue, "XAU");
        var journal = new RecordingJournal(_node);
        _node.WithholdReceipts = true;

        await Assert.ThrowsAsync<TransactionPendingException>(async () => await venue.PlaceOrderAsync(Order(deployment, xau, journal), default));
        var pending = await venue.GetOrderFateAsync(Query(deployment, xau, journal.PriorSubmissionId!), default);
        _node.WithholdReceipts = false;
        var resumed = await venue.PlaceOrderAsync(Order(deployment, xau, new RecordingJournal(_node, journal.PriorSubmissionId)), default);

        Assert.Equal(OrderFateStatus.Pending, pending.Status);
        Assert.Equal(1, _node.SendCount);
        Assert.Equal("1001", resumed.VenueOrderId);
    }

    private static OrderFateQuery Query(Agents.AgentDeployment deployment, Sdk.Markets.MarketInfo market, string submission) => new()
    {
        Position = new Position
        {
            Id = Guid.NewGuid(),
            DeploymentId = deployment.Id,
            SignalId = Guid.NewGuid(),
            Venue = Sdk.Venue.Ostium,
            TokenSymbol = market.Symbol,
            Side = TradeSide.Long,
            Status = PositionStatus.Submitted,
            ClientOrderId = "0x01",
            SubmissionId = submission,
            OpenedAt = DateTimeOffset.UnixEpoch,
        },
        Deployment = deployment,
        Market = market,
        Purpose = OrderPurpose.Open,
        ClientOrderId = "0x01",
        SubmissionId = submission,
    };

    private sealed class CrashingJournal : IOrderJournal
    {
        public string? Recorded { get; private set; }

        public string? PriorSubmissionId => null;

        public ValueTask RecordSubmissionAsync(string submissionId, CancellationToken cancellationToken)
        {
            Recorded = submissionId;
            throw new InvalidOperationException("process died right after the journal write");
        }
    }
}

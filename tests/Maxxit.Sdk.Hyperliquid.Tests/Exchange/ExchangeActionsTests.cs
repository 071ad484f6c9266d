using System.Text.Json;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Hyperliquid.Exchange;
using Maxxit.Sdk.Hyperliquid.Signing;
using Maxxit.Sdk.Hyperliquid.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Hyperliquid.Tests.Exchange;

/// <summary>modify, batchModify, updateIsolatedMargin, scheduleCancel, vaultAddress and expiresAfter on L1 actions.</summary>
public sealed class ExchangeActionsTests
{
    [Fact]
    public async Task Modify_and_batch_modify_replace_resting_orders_by_oid_or_cloid()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var (_, agent) = host.AddApprovedUser();
        using var _ = agent;
        var eth = (await host.Info.GetMetaAsync()).Single(a => a.Name == "ETH");
        var cloid = Cloid.Parse("0x" + new string('c', 32));
        var resting = await host.Exchange.PlaceOrderAsync(agent, HyperliquidOrders.Limit(eth, true, 0.01m, 3000m, TimeInForce.Gtc, clientOrderId: cloid));

        await host.Exchange.ModifyAsync(agent, new ModifyRequest(
            HyperliquidOrderRef.ById(resting.OrderId!.Value), HyperliquidOrders.Limit(eth, true, 0.02m, 3100m, TimeInForce.Gtc, clientOrderId: cloid)));
        var replaced = host.Server.Orders.Single(o => o.Status == "open");
        var results = await host.Exchange.BatchModifyAsync(agent, new BatchModifyAction(
        [
            new ModifyRequest(HyperliquidOrderRef.ByCloid(cloid), HyperliquidOrders.Limit(eth, true, 0.03m, 3200m, TimeInForce.Gtc, clientOrderId: cloid)),
            new ModifyRequest(HyperliquidOrderRef.ById(1), HyperliquidOrders.Limit(eth, true, 0.03m, 3200m, TimeInForce.Gtc)),
        ]));

        Assert.Equal((3100m, 0.02m), (replaced.LimitPx, replaced.OrigSz));
        Assert.Equal(HyperliquidOrderResultKind.Resting, results[0].Kind);
        Assert.Equal(HyperliquidOrderResultKind.Error, results[1].Kind);
        Assert.Equal(3200m, host.Server.Orders.Single(o => o.Status == "open").LimitPx);
        using var body = JsonDocument.Parse(host.Server.ExchangeBodies.Single(b => b.Contains("\"batchModify\"")));
        Assert.Equal(cloid.ToString(), body.RootElement.GetProperty("action").GetProperty("modifies")[0].GetProperty("oid").GetString());
    }

    [Fact]
    public async Task Isolated_margin_is_sent_as_micro_usdc_and_schedule_cancel_arms_and_disarms()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var (user, agent) = host.AddApprovedUser();
        using var _ = agent;

        await host.Exchange.UpdateIsolatedMarginAsync(agent, new UpdateIsolatedMarginAction(1, -1.5m));
        await host.Exchange.ScheduleCancelAsync(agent, 1_800_000_000_000);
        var armed = host.Server.ScheduledCancels[user];
        await host.Exchange.ScheduleCancelAsync(agent, null);

        using var body = JsonDocument.Parse(host.Server.ExchangeBodies[0]);
        Assert.Equal("""{"type":"updateIsolatedMargin","asset":1,"isBuy":true,"ntli":-1500000}""", body.RootElement.GetProperty("action").GetRawText());
        Assert.Equal(1_800_000_000_000, armed);
        Assert.False(host.Server.ScheduledCancels.ContainsKey(user));
        Assert.Throws<ArgumentOutOfRangeException>(() => new UpdateIsolatedMarginAction(1, 0.0000001m));
    }

    [Fact]
    public async Task Expires_after_is_sent_and_signed_the_way_the_official_sdk_hashes_it()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        await using var host = await HyperliquidTestHost.StartAsync(time: time, configure: o => o.ActionExpiry = TimeSpan.FromSeconds(30));
        var (_, agent) = host.AddApprovedUser();
        using var _ = agent;

        // The fake recovers the signer from msgpack ‖ nonce ‖ 0x00 ‖ 0x00 ‖ expiresAfter (8 bytes BE), as action_hash does.
        await host.Exchange.UpdateLeverageAsync(agent, new UpdateLeverageAction(1, 3));
        await host.Exchange.UpdateLeverageAsync(agent, new UpdateLeverageAction(1, 4), expiresAfter: 1_700_000_099_000);

        using var first = JsonDocument.Parse(host.Server.ExchangeBodies[0]);
        using var second = JsonDocument.Parse(host.Server.ExchangeBodies[1]);
        Assert.Equal(1_700_000_030_000, first.RootElement.GetProperty("expiresAfter").GetInt64());
        Assert.Equal(1_700_000_099_000, second.RootElement.GetProperty("expiresAfter").GetInt64());

        var action = new UpdateLeverageAction(1, 3);
        var withExpiry = HyperliquidSigner.ComputeConnectionId(action, 5, null, 9);
        var payload = new System.Buffers.ArrayBufferWriter<byte>();
        L1ActionEncoding.WriteSigningPayload(payload, action, 5, [], 9);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9], payload.WrittenSpan[^18..].ToArray());
        Assert.NotEqual(HyperliquidSigner.ComputeConnectionId(action, 5), withExpiry);
    }

    [Fact]
    public async Task A_vault_address_is_sent_and_signed_on_cancels_and_leverage()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var (_, agent) = host.AddApprovedUser();
        using var _ = agent;
        var vault = EthereumAddress.Parse("0x1719884eb866cb12b2287399b15f7db5e7d775ea");

        await host.Exchange.UpdateLeverageAsync(agent, new UpdateLeverageAction(1, 3), vault);
        var cancels = await host.Exchange.CancelAsync(agent, new CancelAction([new CancelRequest(1, 42)]), vault);

        Assert.All(host.Server.ExchangeBodies, b => Assert.Contains("\"vaultAddress\":\"0x1719884eb866cb12b2287399b15f7db5e7d775ea\"", b));
        Assert.False(Assert.Single(cancels).Succeeded);
    }
}

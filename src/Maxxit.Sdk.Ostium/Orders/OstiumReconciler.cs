using System.Globalization;
using System.Numerics;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ostium.Contracts;
using Maxxit.Sdk.Ostium.Markets;
using Maxxit.Sdk.Ostium.Rpc;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.Logging;

namespace Maxxit.Sdk.Ostium.Orders;

/// <summary>
/// The reconciliation side of <see cref="OstiumVenue"/>: the trader's open trades as positions, the fate of a pending
/// open or close read from the chain, and the contract timeouts for orders the oracle never answered.
/// </summary>
internal sealed class OstiumReconciler
{
    private readonly EthereumRpcClient _rpc;
    private readonly OstiumMarkets _markets;
    private readonly OstiumAgentKeys _keys;
    private readonly TransactionSender _sender;
    private readonly OstiumOrderTracker _tracker;
    private readonly OstiumTimeoutQueue _timeouts = new();
    private readonly OstiumOrderFates _fates;
    private readonly EthereumAddress _trading;
    private readonly ILogger _logger;

    public OstiumReconciler(OstiumOptions options, EthereumRpcClient rpc, OstiumMarkets markets, OstiumAgentKeys keys, TransactionSender sender, OstiumOrderTracker tracker, ILogger logger)
    {
        _rpc = rpc;
        _markets = markets;
        _keys = keys;
        _sender = sender;
        _tracker = tracker;
        _logger = logger;
        _trading = EthereumAddress.Parse(options.TradingAddress);
        _fates = new OstiumOrderFates(rpc, tracker, _timeouts, _trading);
    }

    /// <summary>See <see cref="OstiumVenue.GetOpenPositionsAsync"/>.</summary>
    public async ValueTask<IReadOnlyList<VenuePosition>> OpenPositionsAsync(AgentDeployment deployment, CancellationToken cancellationToken)
    {
        var trades = await _markets.GetOpenTradesAsync(deployment.UserWallet, cancellationToken).ConfigureAwait(false);
        var pairs = await _markets.PairsAsync(trades.Select(t => t.PairIndex), cancellationToken).ConfigureAwait(false);
        return trades.Select(t => new VenuePosition(
            pairs.TryGetValue(t.PairIndex, out var pair) ? OstiumMarketMapper.SymbolOf(pair) : $"PAIR{t.PairIndex}",
            t.Buy ? TradeSide.Long : TradeSide.Short,
            t.OpenPrice > 0m ? decimal.Round(t.CollateralUsd * t.Leverage / t.OpenPrice, 12) : 0m,
            t.OpenPrice,
            BigInteger.TryParse(t.TradeId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? new OstiumTradeReference(t.PairIndex, t.Index, id).ToString()
                : string.Create(CultureInfo.InvariantCulture, $"{t.PairIndex}:{t.Index}"))).ToList();
    }

    /// <summary>See <see cref="OstiumVenue.GetOrderFateAsync"/>.</summary>
    public async ValueTask<OrderFate> FateAsync(OrderFateQuery query, CancellationToken cancellationToken)
    {
        try
        {
            return await _fates.ReadAsync(query, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RpcTransportException or EthereumFormatException or TransactionPendingException)
        {
            throw new VenueException(Venue.Ostium, "could not read the order's fate: " + ex.Message, "asked again later", ex);
        }
    }

    /// <summary>See <see cref="OstiumVenue.SendDueTimeoutsAsync"/>.</summary>
    public async Task<IReadOnlyList<string>> SendDueTimeoutsAsync(CancellationToken cancellationToken)
    {
        var sent = new List<string>();
        foreach (var due in _timeouts.Take())
        {
            try
            {
                if (await SendTimeoutAsync(due, cancellationToken).ConfigureAwait(false))
                {
                    sent.Add(due.OrderId.ToString(CultureInfo.InvariantCulture));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next fate check queues it again if it is still stuck.
                _logger.LogWarning(ex, "Timeout of Ostium order {OrderId} failed", due.OrderId);
            }
        }

        return sent;
    }

    private async Task<bool> SendTimeoutAsync(OstiumTimeoutRequest due, CancellationToken cancellationToken)
    {
        var pending = await _tracker.PendingOrderAsync(due.OrderId, cancellationToken).ConfigureAwait(false);
        var timeout = await _tracker.MarketOrdersTimeoutAsync(cancellationToken).ConfigureAwait(false);
        var latest = await _rpc.GetBlockNumberAsync(cancellationToken).ConfigureAwait(false);
        if (pending.Block == 0 || latest < pending.Block + timeout)
        {
            return false;
        }

        var trader = OstiumAgentKeys.ParseAddress(due.Deployment.UserWallet, "user_wallet");
        using var key = _keys.KeyOf(due.Deployment);
        var data = due.IsClose
            ? OstiumTradingContract.CloseTradeMarketTimeout.EncodeCall(due.OrderId, false)
            : OstiumTradingContract.OpenTradeMarketTimeout.EncodeCall(due.OrderId);
        if (key.Address != trader)
        {
            data = OstiumTradingContract.EncodeDelegatedAction(trader, data);
        }

        var what = due.IsClose ? "closeTradeMarketTimeout" : "openTradeMarketTimeout";
        await _sender.SendAsync(key, _trading, data, null, what, cancellationToken).ConfigureAwait(false);
        _logger.LogWarning("Sent {What} for Ostium order {OrderId}: the oracle never answered it", what, due.OrderId);
        return true;
    }
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ethereum.Abi;
using Maxxit.Sdk.Ethereum.Transactions;
using Maxxit.Sdk.Ostium.Contracts;
using Maxxit.Sdk.Ostium.Rpc;

namespace Maxxit.Sdk.Ostium.Tests.Fakes;

/// <summary>
/// An in-process Arbitrum node plus Ostium's subgraph and price feed on 127.0.0.1. Every raw transaction is decoded
/// with the SDK's own primitives: the sender is recovered and must be an allowed agent, the chain id must match, and
/// the call data must be an approve, an openTrade, a closeTradeMarket, a timeout call, or one of those wrapped in
/// delegatedAction. Anything else is recorded in <see cref="Violations"/> and refused.
/// A market order is modelled as the contracts run it: the order transaction emits PriceRequested (price upkeep) and
/// MarketOpenOrderInitiated / MarketCloseOrderInitiatedV2 (Trading) and stores a pending order; the oracle answers in a
/// later block from the callbacks contract (MarketOpenExecuted with the fee events, or MarketOpenCanceled with a
/// reason; MarketCloseExecutedV2 with FeesCharged, or MarketCloseCanceled), or never (<see cref="OracleOutcome.Silent"/>).
/// Every log is built with the official event declarations and served by eth_getLogs.
/// </summary>
internal sealed class FakeOstiumNode : IAsyncDisposable
{
    public static readonly EthereumAddress Trading = EthereumAddress.Parse("0x1000000000000000000000000000000000000001");
    public static readonly EthereumAddress TradingStorage = EthereumAddress.Parse("0x1000000000000000000000000000000000000002");
    public static readonly EthereumAddress Usdc = EthereumAddress.Parse("0x1000000000000000000000000000000000000003");
    public static readonly EthereumAddress Callbacks = EthereumAddress.Parse("0x1000000000000000000000000000000000000004");
    public static readonly EthereumAddress Registry = EthereumAddress.Parse("0x1000000000000000000000000000000000000005");
    public static readonly EthereumAddress PairsStorage = EthereumAddress.Parse("0x1000000000000000000000000000000000000006");
    public static readonly EthereumAddress PriceUpKeep = EthereumAddress.Parse("0x1000000000000000000000000000000000000009");

    /// <summary>Trading.marketOrdersTimeout in blocks.</summary>
    public const ulong MarketOrdersTimeout = 30;

    /// <summary>PairsStorage.pairOracleFee: 0.25 USDC.</summary>
    public static readonly BigInteger OracleFee = 250_000;

    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly object _gate = new();
    private readonly Dictionary<string, (SignedTransaction Tx, string ReceiptJson)> _mined = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<EthereumAddress, ulong> _nonces = [];
    private readonly List<(EthereumAddress Address, byte[][] Topics, byte[] Data, ulong Block, string Tx)> _logs = [];
    private readonly Dictionary<BigInteger, PendingOrder> _pending = [];
    private readonly HashSet<string> _beingClosed = [];
    private BigInteger _nextOrderId = 1001;
    private ulong _block = 100;
    private int _oracleTx;

    public FakeOstiumNode(ulong chainId = 42161)
    {
        ChainId = chainId;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUrl.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public ulong ChainId { get; set; }

    public Uri BaseUrl { get; }

    public Uri RpcUrl => new(BaseUrl, "rpc");

    public Uri SubgraphUrl => new(BaseUrl, "subgraph");

    public Uri PricesUrl => new(BaseUrl, "prices");

    public HashSet<EthereumAddress> AllowedSenders { get; } = [];

    public Dictionary<EthereumAddress, BigInteger> UsdcBalances { get; } = [];

    public Dictionary<(EthereumAddress Owner, EthereumAddress Spender), BigInteger> Allowances { get; } = [];

    public Dictionary<EthereumAddress, EthereumAddress> Delegations { get; } = [];

    /// <summary>Subgraph pairs in its own units: leverage ×100, minLevPos USDC ×1e6.</summary>
    public List<(int Index, string From, string To, string Group, string MaxLeverage, string GroupMaxLeverage, string GroupMinLeverage, string OvernightMaxLeverage, string MinLevPos)> Pairs { get; } =
    [
        (0, "BTC", "USD", "crypto", "5000", "0", "200", "0", "100000000"),
        (1, "ETH", "USD", "crypto", "0", "5000", "200", "0", "100000000"),
        (2, "EUR", "USD", "forex", "10000", "0", "200", "0", "100000000"),
        (5, "XAU", "USD", "commodities", "2500", "10000", "200", "1000", "200000000"),
        (15, "DAX", "EUR", "indices", "5000", "0", "200", "0", "100000000"),
        (40, "NVDA", "USD", "stocks", "0", "1000", "200", "500", "200000000"),
    ];

    public Dictionary<(string From, string To), (decimal Mid, bool Open)> Prices { get; } = new()
    {
        [("BTC", "USD")] = (91000.5m, true),
        [("ETH", "USD")] = (3125.25m, true),
        [("EUR", "USD")] = (1.16512m, true),
        [("XAU", "USD")] = (4650.75m, true),
        [("DAX", "EUR")] = (25000m, false),
        [("NVDA", "USD")] = (180.5m, true),
    };

    /// <summary>Pairs whose price feed entry says day trading is closed.</summary>
    public HashSet<(string From, string To)> DayTradingClosed { get; } = [];

    /// <summary>What the oracle does with the next orders (default: executes at the requested price, in the next block).</summary>
    public OracleOutcome Oracle { get; set; } = new();

    /// <summary>The fromBlock of every eth_getLogs query.</summary>
    public List<ulong> LogQueryStarts { get; } = [];

    /// <summary>Put a PriceRequested with this order id, from an unrelated contract, first in the next order's receipt.</summary>
    public BigInteger? ForeignPriceRequestedFirst { get; set; }

    /// <summary>Trading.maxAllowedCollateral (USDC ×1e6).</summary>
    public BigInteger MaxAllowedCollateral { get; set; } = OstiumUnits.Usdc(100_000m);

    /// <summary>Trades being market closed (trader:pair:index).</summary>
    public bool IsBeingClosed(EthereumAddress trader, int pair, int index)
    {
        lock (_gate)
        {
            return _beingClosed.Contains(Slot(trader, pair, index));
        }
    }

    /// <summary>Lets blocks pass (for the market orders timeout).</summary>
    public void MineBlocks(ulong count)
    {
        lock (_gate)
        {
            _block += count;
        }
    }

    /// <summary>Answers a pending order as the oracle would, now.</summary>
    public void Answer(BigInteger orderId, OracleOutcome outcome)
    {
        lock (_gate)
        {
            AnswerLocked(orderId, outcome);
        }
    }

    /// <summary>Logs of one event, as served by eth_getLogs.</summary>
    public int CountLogs(Maxxit.Sdk.Ethereum.Abi.AbiEvent e)
    {
        lock (_gate)
        {
            return _logs.Count(l => l.Topics[0].AsSpan().SequenceEqual(e.Topic0));
        }
    }

    /// <summary>When set, eth_sendRawTransaction accepts the transaction but answers with this JSON-RPC error message.</summary>
    public string? AnswerNextSendWithError { get; set; }

    /// <summary>When set, the next eth_sendRawTransaction is refused with this message and not accepted.</summary>
    public string? RefuseNextSendWith { get; set; }

    /// <summary>With <see cref="RefuseNextSendWith"/>: another transaction of the same sender takes the nonce first.</summary>
    public bool AnotherTransactionTakesTheNonce { get; set; }

    /// <summary>The raw transactions refused or lost, for tests that make the node forget them.</summary>
    public void Forget(string hash)
    {
        lock (_gate)
        {
            _mined.Remove(hash);
        }
    }

    public List<(string TradeId, int Pair, int Index, bool Buy, string Collateral, string Leverage, string OpenPrice, EthereumAddress Trader)> OpenTrades { get; } = [];

    /// <summary>Every transaction accepted, decoded.</summary>
    public List<ReceivedTransaction> Received { get; } = [];

    /// <summary>Rules the SDK broke (wrong sender, chain, call data). Tests assert this stays empty.</summary>
    public List<string> Violations { get; } = [];

    /// <summary>Calls per JSON-RPC method.</summary>
    public Dictionary<string, int> Calls { get; } = [];

    /// <summary>When set, eth_estimateGas and eth_call of openTrade revert with this revert data.</summary>
    public byte[]? OpenRevertData { get; set; }

    /// <summary>Number of upcoming requests (any path) answered with HTTP 503 before anything is processed.</summary>
    public int FailNextRequests { get; set; }

    /// <summary>Accept the next raw transaction, then answer HTTP 502 as if the connection died.</summary>
    public bool DropNextSendAnswer { get; set; }

    /// <summary>Keep receipts back (a transaction stuck in the mempool).</summary>
    public bool WithholdReceipts { get; set; }

    public int SendCount
    {
        get
        {
            lock (_gate)
            {
                return Calls.GetValueOrDefault("eth_sendRawTransaction");
            }
        }
    }

    public void FundTrader(EthereumAddress trader, decimal usdc, decimal allowance = 0m)
    {
        lock (_gate)
        {
            UsdcBalances[trader] = OstiumUnits.Usdc(usdc);
            Allowances[(trader, TradingStorage)] = OstiumUnits.Usdc(allowance);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception)
        {
            // Stopping the listener faults the pending accept.
        }

        _listener.Close();
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var status = 200;
        string body;
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var request = await reader.ReadToEndAsync();
            bool fail;
            lock (_gate)
            {
                fail = FailNextRequests > 0;
                if (fail)
                {
                    FailNextRequests--;
                }
            }

            if (fail)
            {
                (status, body) = (503, "unavailable");
            }
            else
            {
                (status, body) = context.Request.Url!.AbsolutePath switch
                {
                    "/rpc" => HandleRpc(request),
                    "/subgraph" => (200, HandleSubgraph(request)),
                    "/prices" => (200, HandlePrices()),
                    _ => (404, "not found"),
                };
            }
        }
        catch (Exception ex)
        {
            lock (_gate)
            {
                Violations.Add("fake node failed: " + ex.Message);
            }

            (status, body) = (500, ex.Message);
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private (int Status, string Body) HandleRpc(string request)
    {
        using var doc = JsonDocument.Parse(request);
        var root = doc.RootElement;
        var id = root.GetProperty("id").GetRawText();
        var method = root.GetProperty("method").GetString()!;
        var p = root.GetProperty("params");
        lock (_gate)
        {
            Calls[method] = Calls.GetValueOrDefault(method) + 1;
            try
            {
                var result = method switch
                {
                    "eth_chainId" => Quote(HexQuantity.Format(ChainId)),
                    "eth_blockNumber" => Quote(HexQuantity.Format(_block)),
                    "eth_getTransactionCount" => Quote(HexQuantity.Format(_nonces.GetValueOrDefault(EthereumAddress.Parse(p[0].GetString()!)))),
                    "eth_getBlockByNumber" => $"{{\"number\":\"{HexQuantity.Format(_block)}\",\"baseFeePerGas\":\"0x989680\"}}",
                    "eth_maxPriorityFeePerGas" => Quote("0x1"),
                    "eth_estimateGas" => Estimate(p[0]),
                    "eth_call" => Call(p[0]),
                    "eth_sendRawTransaction" => Send(p[0].GetString()!),
                    "eth_getTransactionReceipt" => Receipt(p[0].GetString()!),
                    "eth_getTransactionByHash" => TransactionByHash(p[0].GetString()!),
                    "eth_getLogs" => GetLogs(p[0]),
                    _ => throw new RpcError(-32601, $"method {method} not found", null),
                };
                if (method == "eth_sendRawTransaction" && DropNextSendAnswer)
                {
                    DropNextSendAnswer = false;
                    return (502, "bad gateway");
                }

                if (method == "eth_sendRawTransaction" && AnswerNextSendWithError is { } error)
                {
                    AnswerNextSendWithError = null;
                    throw new RpcError(-32000, error, null);
                }

                return (200, $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"result\":{result}}}");
            }
            catch (RpcError e)
            {
                var data = e.Data is null ? "" : $",\"data\":\"{Hex.Encode(e.Data)}\"";
                return (200, $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"error\":{{\"code\":{e.Code},\"message\":{JsonSerializer.Serialize(e.Message)}{data}}}}}");
            }
        }
    }

    private string Estimate(JsonElement call)
    {
        var to = EthereumAddress.Parse(call.GetProperty("to").GetString()!);
        var data = Hex.Decode(call.GetProperty("data").GetString()!);
        if (to == Trading && OpenRevertData is { } revert && IsOpen(data))
        {
            throw new RpcError(3, "execution reverted", revert);
        }

        if (to == Trading && IsOpen(data))
        {
            // OstiumTrading.openTrade's own checks, as reverts at estimation.
            var inner = OstiumTradingContract.IsCallTo(OstiumTradingContract.DelegatedAction, data) ? OstiumTradingContract.DecodeDelegatedAction(data).InnerCallData : data;
            var t = OstiumTradingContract.DecodeOpenTrade(inner).Trade;
            var pair = Pairs.Single(p => p.Index == t.PairIndex);
            var max = pair.MaxLeverage == "0" ? pair.GroupMaxLeverage : pair.MaxLeverage;
            if (t.Leverage < uint.Parse(pair.GroupMinLeverage, CultureInfo.InvariantCulture) || t.Leverage > uint.Parse(max, CultureInfo.InvariantCulture))
            {
                throw new RpcError(3, "execution reverted", new Maxxit.Sdk.Ethereum.Abi.AbiFunction("WrongLeverage(uint32)").EncodeCall(t.Leverage));
            }

            if (t.Collateral > MaxAllowedCollateral)
            {
                throw new RpcError(3, "execution reverted", new Maxxit.Sdk.Ethereum.Abi.AbiFunction("AboveMaxAllowedCollateral()").EncodeCall());
            }

            if (t.Collateral * t.Leverage / 100 < BigInteger.Parse(pair.MinLevPos, CultureInfo.InvariantCulture))
            {
                throw new RpcError(3, "execution reverted", new Maxxit.Sdk.Ethereum.Abi.AbiFunction("BelowMinLevPos()").EncodeCall());
            }
        }

        return Quote("0x30d40");
    }

    private static bool IsOpen(byte[] data) =>
        OstiumTradingContract.IsCallTo(OstiumTradingContract.OpenTrade, data)
        || (OstiumTradingContract.IsCallTo(OstiumTradingContract.DelegatedAction, data)
            && OstiumTradingContract.IsCallTo(OstiumTradingContract.OpenTrade, OstiumTradingContract.DecodeDelegatedAction(data).InnerCallData));

    private string Call(JsonElement call)
    {
        var to = EthereumAddress.Parse(call.GetProperty("to").GetString()!);
        var data = Hex.Decode(call.GetProperty("data").GetString()!);
        if (to == Usdc && OstiumTradingContract.IsCallTo(Erc20Contract.BalanceOf, data))
        {
            var owner = (EthereumAddress)Erc20Contract.BalanceOf.DecodeCall(data)[0]!;
            return Quote(Hex.Encode(Erc20Contract.BalanceOf.EncodeReturn(UsdcBalances.GetValueOrDefault(owner))));
        }

        if (to == Usdc && OstiumTradingContract.IsCallTo(Erc20Contract.Allowance, data))
        {
            var args = Erc20Contract.Allowance.DecodeCall(data);
            return Quote(Hex.Encode(Erc20Contract.Allowance.EncodeReturn(Allowances.GetValueOrDefault(((EthereumAddress)args[0]!, (EthereumAddress)args[1]!)))));
        }

        if (to == Trading && OstiumTradingContract.IsCallTo(OstiumTradingContract.Delegations, data))
        {
            var trader = (EthereumAddress)OstiumTradingContract.Delegations.DecodeCall(data)[0]!;
            return Quote(Hex.Encode(OstiumTradingContract.Delegations.EncodeReturn(Delegations.GetValueOrDefault(trader))));
        }

        if (to == Trading && OstiumTradingContract.IsCallTo(OstiumTradingContract.MarketOrdersTimeout, data))
        {
            return Quote(Hex.Encode(OstiumTradingContract.MarketOrdersTimeout.EncodeReturn(new BigInteger(MarketOrdersTimeout))));
        }

        if (to == Trading && OstiumTradingContract.IsCallTo(OstiumTradingContract.MaxAllowedCollateral, data))
        {
            return Quote(Hex.Encode(OstiumTradingContract.MaxAllowedCollateral.EncodeReturn(MaxAllowedCollateral)));
        }

        if (to == Trading && OstiumTradingContract.IsCallTo(OstiumTradingContract.Registry, data))
        {
            return Quote(Hex.Encode(OstiumTradingContract.Registry.EncodeReturn(Registry)));
        }

        if (to == Registry && OstiumTradingContract.IsCallTo(OstiumTradingContract.GetContractAddress, data))
        {
            var name = Encoding.ASCII.GetString(((byte[])OstiumTradingContract.GetContractAddress.DecodeCall(data)[0]!).TakeWhile(b => b != 0).ToArray());
            var address = name switch
            {
                "callbacks" => Callbacks,
                "pairsStorage" => PairsStorage,
                _ => default,
            };
            return Quote(Hex.Encode(OstiumTradingContract.GetContractAddress.EncodeReturn(address)));
        }

        if (to == PairsStorage && OstiumTradingContract.IsCallTo(OstiumPairsStorageContract.PairOracleFee, data))
        {
            return Quote(Hex.Encode(OstiumPairsStorageContract.PairOracleFee.EncodeReturn(OracleFee)));
        }

        if (to == TradingStorage && OstiumTradingContract.IsCallTo(OstiumTradingStorageContract.OpenTradesInfo, data))
        {
            var a = OstiumTradingStorageContract.OpenTradesInfo.DecodeCall(data);
            var (trader, pair, index) = ((EthereumAddress)a[0]!, (int)(BigInteger)a[1]!, (int)(BigInteger)a[2]!);
            var trade = OpenTrades.FirstOrDefault(t => t.Trader == trader && t.Pair == pair && t.Index == index);
            var tradeId = trade.TradeId is null ? BigInteger.Zero : BigInteger.Parse(trade.TradeId, CultureInfo.InvariantCulture);
            return Quote(Hex.Encode(OstiumTradingStorageContract.OpenTradesInfo.EncodeReturn(tradeId, BigInteger.Zero, BigInteger.Zero, BigInteger.Zero, BigInteger.Zero, BigInteger.Zero, _beingClosed.Contains(Slot(trader, pair, index)))));
        }

        if (to == TradingStorage && OstiumTradingContract.IsCallTo(OstiumTradingStorageContract.OpenTrades, data))
        {
            var a = OstiumTradingStorageContract.OpenTrades.DecodeCall(data);
            var (trader, pair, index) = ((EthereumAddress)a[0]!, (int)(BigInteger)a[1]!, (int)(BigInteger)a[2]!);
            var trade = OpenTrades.FirstOrDefault(t => t.Trader == trader && t.Pair == pair && t.Index == index);
            return trade.TradeId is null
                ? Quote(Hex.Encode(OstiumTradingStorageContract.OpenTrades.EncodeReturn(BigInteger.Zero, BigInteger.Zero, BigInteger.Zero, BigInteger.Zero, default(EthereumAddress), BigInteger.Zero, BigInteger.Zero, BigInteger.Zero, false)))
                : Quote(Hex.Encode(OstiumTradingStorageContract.OpenTrades.EncodeReturn(BigInteger.Parse(trade.Collateral, CultureInfo.InvariantCulture), BigInteger.Parse(trade.OpenPrice, CultureInfo.InvariantCulture), BigInteger.Zero, BigInteger.Zero, trader, BigInteger.Parse(trade.Leverage, CultureInfo.InvariantCulture), new BigInteger(pair), new BigInteger(index), trade.Buy)));
        }

        if (to == TradingStorage && OstiumTradingContract.IsCallTo(OstiumTradingStorageContract.PendingMarketOrder, data))
        {
            var orderId = (BigInteger)OstiumTradingStorageContract.PendingMarketOrder.DecodeCall(data)[0]!;
            var pending = _pending.GetValueOrDefault(orderId);
            var t = pending?.Trade;
            object?[] trade = t is null
                ? [BigInteger.Zero, BigInteger.Zero, BigInteger.Zero, BigInteger.Zero, default(EthereumAddress), BigInteger.Zero, BigInteger.Zero, BigInteger.Zero, false]
                : [t.Collateral, BigInteger.Zero, t.TakeProfit, t.StopLoss, t.Trader, new BigInteger(t.Leverage), new BigInteger(t.PairIndex), new BigInteger(t.Index), t.Buy];
            return Quote(Hex.Encode(OstiumTradingStorageContract.PendingMarketOrder.EncodeReturn(
                new BigInteger(pending?.Block ?? 0), pending?.WantedPrice ?? BigInteger.Zero, new BigInteger(pending?.Slippage ?? 0), trade, new BigInteger(pending?.Percentage ?? 0))));
        }

        Violations.Add($"unexpected eth_call to {to} with selector {Hex.Encode(data.AsSpan(0, Math.Min(4, data.Length)))}");
        throw new RpcError(3, "execution reverted", []);
    }

    private string GetLogs(JsonElement filter)
    {
        var address = EthereumAddress.Parse(filter.GetProperty("address").GetString()!);
        var from = HexQuantity.ParseUInt64(filter.GetProperty("fromBlock").GetString());
        LogQueryStarts.Add(from);
        var topics = filter.GetProperty("topics").EnumerateArray().Select(t => t.ValueKind == JsonValueKind.Null ? null : t.EnumerateArray().Select(w => Hex.Decode(w.GetString()!)).ToList()).ToList();
        var matching = _logs.Where(l => l.Address == address && l.Block >= from && topics.Select((options, i) => options is null || (i < l.Topics.Length && options.Any(o => o.AsSpan().SequenceEqual(l.Topics[i])))).All(ok => ok));
        return "[" + string.Join(',', matching.Select(l => LogJson(l.Address, l.Topics, l.Data, l.Block, l.Tx))) + "]";
    }

    private string Send(string rawHex)
    {
        if (RefuseNextSendWith is { } refusal)
        {
            RefuseNextSendWith = null;
            if (AnotherTransactionTakesTheNonce)
            {
                AnotherTransactionTakesTheNonce = false;
                var rival = SignedTransaction.Parse(rawHex).Sender;
                _nonces[rival] = _nonces.GetValueOrDefault(rival) + 1;
            }

            throw new RpcError(-32000, refusal, null);
        }

        SignedTransaction signed;
        try
        {
            signed = SignedTransaction.Parse(rawHex);
        }
        catch (EthereumFormatException ex)
        {
            Violations.Add("undecodable raw transaction: " + ex.Message);
            throw new RpcError(-32000, "invalid transaction", null);
        }

        var tx = signed.Transaction;
        var sender = signed.Sender;
        var hash = signed.HashHex();
        if (_mined.ContainsKey(hash))
        {
            throw new RpcError(-32000, "already known", null);
        }

        if (tx is not Eip1559Transaction)
        {
            Violations.Add($"transaction type {tx.TransactionType} is not EIP-1559");
        }

        if (tx.ChainId != ChainId)
        {
            Violations.Add($"chain id {tx.ChainId} instead of {ChainId}");
            throw new RpcError(-32000, "invalid chain id", null);
        }

        if (!AllowedSenders.Contains(sender))
        {
            Violations.Add($"sender {sender} is not an agent wallet");
            throw new RpcError(-32000, "unknown sender", null);
        }

        var expectedNonce = _nonces.GetValueOrDefault(sender);
        if (tx.Nonce != expectedNonce)
        {
            throw new RpcError(-32000, tx.Nonce < expectedNonce ? "nonce too low" : "nonce too high", null);
        }

        _nonces[sender] = expectedNonce + 1;
        var received = Decode(signed, sender);
        Received.Add(received);
        _block++;
        var (ok, logs) = Execute(received, hash);
        var receipt = $"{{\"transactionHash\":\"{hash}\",\"status\":\"{(ok ? "0x1" : "0x0")}\",\"blockNumber\":\"{HexQuantity.Format(_block)}\",\"gasUsed\":\"0x2a000\",\"effectiveGasPrice\":\"0x989681\",\"logs\":[{string.Join(',', logs.Select(l => LogJson(l.Address, l.Topics, l.Data, _block, hash)))}]}}";
        if (ok)
        {
            _logs.AddRange(logs.Select(l => (l.Address, l.Topics, l.Data, _block, hash)));
        }

        _mined[hash] = (signed, receipt);
        AnswerOracleAtOnce(received);
        return Quote(hash);
    }

    private ReceivedTransaction Decode(SignedTransaction signed, EthereumAddress sender)
    {
        var tx = signed.Transaction;
        var data = tx.Data.ToArray();
        var received = new ReceivedTransaction { Signed = signed, Sender = sender, To = tx.To };
        if (tx.To == Usdc && OstiumTradingContract.IsCallTo(Erc20Contract.Approve, data))
        {
            var (spender, amount) = Erc20Contract.DecodeApprove(data);
            return received with { Kind = "approve", ApproveSpender = spender, ApproveAmount = amount };
        }

        if (tx.To != Trading)
        {
            Violations.Add($"transaction to unexpected contract {tx.To}");
            return received with { Kind = "unknown" };
        }

        EthereumAddress? delegatedFor = null;
        if (OstiumTradingContract.IsCallTo(OstiumTradingContract.DelegatedAction, data))
        {
            (var trader, data) = OstiumTradingContract.DecodeDelegatedAction(data);
            delegatedFor = trader;
        }

        if (OstiumTradingContract.IsCallTo(OstiumTradingContract.OpenTrade, data))
        {
            return received with { Kind = "openTrade", DelegatedFor = delegatedFor, Open = OstiumTradingContract.DecodeOpenTrade(data) };
        }

        if (OstiumTradingContract.IsCallTo(OstiumTradingContract.CloseTradeMarket, data))
        {
            return received with { Kind = "closeTradeMarket", DelegatedFor = delegatedFor, Close = OstiumTradingContract.DecodeCloseTradeMarket(data) };
        }

        if (OstiumTradingContract.IsCallTo(OstiumTradingContract.OpenTradeMarketTimeout, data))
        {
            return received with { Kind = "openTradeMarketTimeout", DelegatedFor = delegatedFor, TimeoutOrderId = (BigInteger)OstiumTradingContract.OpenTradeMarketTimeout.DecodeCall(data)[0]! };
        }

        if (OstiumTradingContract.IsCallTo(OstiumTradingContract.CloseTradeMarketTimeout, data))
        {
            return received with { Kind = "closeTradeMarketTimeout", DelegatedFor = delegatedFor, TimeoutOrderId = (BigInteger)OstiumTradingContract.CloseTradeMarketTimeout.DecodeCall(data)[0]! };
        }

        Violations.Add("call data is neither openTrade, closeTradeMarket nor a timeout call");
        return received with { Kind = "unknown" };
    }

    // A small model of OstiumTrading: enough to check that the SDK's transactions would succeed on chain, with the
    // events the real contracts emit.
    private (bool Ok, List<(EthereumAddress Address, byte[][] Topics, byte[] Data)> Logs) Execute(ReceivedTransaction r, string hash)
    {
        var logs = new List<(EthereumAddress Address, byte[][] Topics, byte[] Data)>();
        if (r.Kind == "approve")
        {
            Allowances[(r.Sender, r.ApproveSpender!.Value)] = r.ApproveAmount;
            return (true, logs);
        }

        var trader = r.DelegatedFor ?? r.Sender;
        if (r.DelegatedFor is { } owner && Delegations.GetValueOrDefault(owner) != r.Sender)
        {
            return (false, logs);
        }

        switch (r.Kind)
        {
            case "openTrade":
            {
                var t = r.Open!.Trade;
                var allowance = Allowances.GetValueOrDefault((trader, TradingStorage));
                var balance = UsdcBalances.GetValueOrDefault(trader);
                if (t.Trader != trader || t.Collateral > allowance || t.Collateral > balance)
                {
                    return (false, logs);
                }

                Allowances[(trader, TradingStorage)] = allowance - t.Collateral;
                UsdcBalances[trader] = balance - t.Collateral;
                var orderId = _nextOrderId++;
                if (ForeignPriceRequestedFirst is { } foreign)
                {
                    ForeignPriceRequestedFirst = null;
                    Emit(logs, EthereumAddress.Parse("0x2000000000000000000000000000000000000666"), OstiumEvents.PriceRequested.EncodeLog(foreign, FeedId(0), BigInteger.One));
                }

                _pending[orderId] = new PendingOrder(_block, t.OpenPrice, r.Open.Slippage, t, 0, IsOpen: true, hash);
                Emit(logs, PriceUpKeep, OstiumEvents.PriceRequested.EncodeLog(orderId, FeedId(t.PairIndex), new BigInteger(1_764_000_000)));
                Emit(logs, Trading, OstiumEvents.MarketOpenOrderInitiated.EncodeLog(orderId, trader, new BigInteger(t.PairIndex)));
                return (true, logs);
            }

            case "closeTradeMarket":
            {
                var c = r.Close!;
                var trade = OpenTrades.FirstOrDefault(o => o.Trader == trader && o.Pair == c.PairIndex && o.Index == c.Index);
                if (trade.TradeId is null || _beingClosed.Contains(Slot(trader, c.PairIndex, c.Index)))
                {
                    return (false, logs);
                }

                var tradeId = BigInteger.Parse(trade.TradeId, CultureInfo.InvariantCulture);
                if (c.ClosePercentage != 100_00)
                {
                    var allowance = Allowances.GetValueOrDefault((trader, TradingStorage));
                    if (allowance < OracleFee)
                    {
                        return (false, logs);
                    }

                    Allowances[(trader, TradingStorage)] = allowance - OracleFee;
                }

                var orderId = _nextOrderId++;
                _beingClosed.Add(Slot(trader, c.PairIndex, c.Index));
                var pending = new OstiumTrade(BigInteger.Zero, BigInteger.Zero, BigInteger.Zero, BigInteger.Zero, trader, 0, c.PairIndex, c.Index, trade.Buy);
                _pending[orderId] = new PendingOrder(_block, BigInteger.Zero, 0, pending, c.ClosePercentage, IsOpen: false, hash, tradeId);
                Emit(logs, PriceUpKeep, OstiumEvents.PriceRequested.EncodeLog(orderId, FeedId(c.PairIndex), new BigInteger(1_764_000_000)));
                Emit(logs, Trading, OstiumEvents.MarketCloseOrderInitiatedV2.EncodeLog(orderId, tradeId, trader, new BigInteger(c.PairIndex), new BigInteger(c.ClosePercentage)));
                return (true, logs);
            }

            case "openTradeMarketTimeout" or "closeTradeMarketTimeout":
            {
                var isOpen = r.Kind == "openTradeMarketTimeout";
                if (!_pending.TryGetValue(r.TimeoutOrderId, out var p) || p.Trade.Trader != trader || p.IsOpen != isOpen || _block < p.Block + MarketOrdersTimeout)
                {
                    return (false, logs);
                }

                _pending.Remove(r.TimeoutOrderId);
                var t = p.Trade;
                object?[] order = [new BigInteger(p.Block), p.WantedPrice, new BigInteger(p.Slippage), new object?[] { t.Collateral, BigInteger.Zero, t.TakeProfit, t.StopLoss, t.Trader, new BigInteger(t.Leverage), new BigInteger(t.PairIndex), new BigInteger(t.Index), t.Buy }, new BigInteger(p.Percentage)];
                if (isOpen)
                {
                    UsdcBalances[trader] = UsdcBalances.GetValueOrDefault(trader) + t.Collateral;
                    Emit(logs, Trading, OstiumEvents.MarketOpenTimeoutExecutedV2.EncodeLog(r.TimeoutOrderId, order));
                }
                else
                {
                    _beingClosed.Remove(Slot(trader, t.PairIndex, t.Index));
                    Emit(logs, Trading, OstiumEvents.MarketCloseTimeoutExecutedV2.EncodeLog(r.TimeoutOrderId, p.TradeId, order));
                }

                return (true, logs);
            }

            default:
                return (false, logs);
        }
    }

    private void AnswerOracleAtOnce(ReceivedTransaction r)
    {
        if (r.Kind is not ("openTrade" or "closeTradeMarket") || Oracle.Silent)
        {
            return;
        }

        var last = _pending.Where(kv => kv.Value.Tx == r.Signed.HashHex()).Select(kv => kv.Key).ToList();
        foreach (var orderId in last)
        {
            // OstiumTradingCallbacks.isDayTradeClosed: above the overnight maximum while day trading is closed.
            var t = _pending[orderId].Trade;
            var pair = Pairs.Single(p => p.Index == t.PairIndex);
            var overnight = uint.Parse(pair.OvernightMaxLeverage, CultureInfo.InvariantCulture);
            var dayClosed = DayTradingClosed.Contains((pair.From, pair.To));
            AnswerLocked(orderId, _pending[orderId].IsOpen && dayClosed && overnight != 0 && t.Leverage > overnight ? new OracleOutcome(Cancel: OstiumCancelReason.DayTradeNotAllowed) : Oracle);
        }
    }

    // The oracle's callback, in its own later block and transaction, as OstiumTradingCallbacks emits it.
    private void AnswerLocked(BigInteger orderId, OracleOutcome outcome)
    {
        if (!_pending.Remove(orderId, out var p))
        {
            throw new InvalidOperationException($"order {orderId} is not pending");
        }

        _block++;
        var tx = "0x" + (++_oracleTx).ToString("x64", CultureInfo.InvariantCulture);
        var t = p.Trade;
        var logs = new List<(EthereumAddress Address, byte[][] Topics, byte[] Data)>();
        if (p.IsOpen)
        {
            if (outcome.Cancel is { } reason)
            {
                var fee = BigInteger.Min(OracleFee, t.Collateral);
                UsdcBalances[t.Trader] = UsdcBalances.GetValueOrDefault(t.Trader) + t.Collateral - fee;
                Emit(logs, Callbacks, OstiumEvents.OracleFeeCharged.EncodeLog(orderId, t.Trader, fee));
                Emit(logs, Callbacks, OstiumEvents.MarketOpenCanceled.EncodeLog(orderId, t.Trader, new BigInteger(t.PairIndex), new BigInteger((int)reason)));
            }
            else
            {
                var price = outcome.ExecutionPrice is { } executed ? OstiumUnits.Price(executed) : p.WantedPrice;
                var notional = t.Collateral * t.Leverage / 100;
                var devFee = notional * 3 / 10_000;
                var vaultFee = notional * 2 / 10_000;
                var collateral = t.Collateral - devFee - vaultFee;
                var slot = Enumerable.Range(0, 256).First(i => !OpenTrades.Any(o => o.Trader == t.Trader && o.Pair == t.PairIndex && o.Index == i));
                var tradeNotional = collateral * BigInteger.Pow(10, 12) * t.Leverage / 100 * BigInteger.Pow(10, 18) / price;
                OpenTrades.Add((orderId.ToString(CultureInfo.InvariantCulture), t.PairIndex, slot, t.Buy, collateral.ToString(CultureInfo.InvariantCulture), t.Leverage.ToString(CultureInfo.InvariantCulture), price.ToString(CultureInfo.InvariantCulture), t.Trader));
                Emit(logs, Callbacks, OstiumEvents.DevFeeCharged.EncodeLog(orderId, t.Trader, devFee));
                Emit(logs, Callbacks, OstiumEvents.VaultOpeningFeeCharged.EncodeLog(orderId, t.Trader, vaultFee));
                object?[] executedTrade = [collateral, price, t.TakeProfit, t.StopLoss, t.Trader, new BigInteger(t.Leverage), new BigInteger(t.PairIndex), new BigInteger(slot), t.Buy];
                Emit(logs, Callbacks, OstiumEvents.MarketOpenExecuted.EncodeLog(orderId, executedTrade, new BigInteger(1_000), tradeNotional));
            }
        }
        else
        {
            _beingClosed.Remove(Slot(t.Trader, t.PairIndex, t.Index));
            if (outcome.Cancel is { } reason)
            {
                Emit(logs, Callbacks, OstiumEvents.MarketCloseCanceled.EncodeLog(orderId, p.TradeId, t.Trader, new BigInteger(t.PairIndex), new BigInteger(t.Index), new BigInteger((int)reason)));
            }
            else
            {
                var trade = OpenTrades.First(o => o.Trader == t.Trader && o.Pair == t.PairIndex && o.Index == t.Index);
                var price = outcome.ExecutionPrice is { } executed ? OstiumUnits.Price(executed) : BigInteger.Parse(trade.OpenPrice, CultureInfo.InvariantCulture);
                if (p.Percentage == 100_00)
                {
                    OpenTrades.Remove(trade);
                }

                Emit(logs, Callbacks, OstiumEvents.FeesCharged.EncodeLog(orderId, p.TradeId, t.Trader, new BigInteger(20_000), new BigInteger(-5_000)));
                Emit(logs, Callbacks, OstiumEvents.MarketCloseExecutedV2.EncodeLog(orderId, p.TradeId, price, new BigInteger(500), new BigInteger(1_000_000), BigInteger.Parse(trade.Collateral, CultureInfo.InvariantCulture), new BigInteger(p.Percentage)));
            }
        }

        _logs.AddRange(logs.Select(l => (l.Address, l.Topics, l.Data, _block, tx)));
    }

    private static void Emit(List<(EthereumAddress Address, byte[][] Topics, byte[] Data)> logs, EthereumAddress address, AbiLog log) =>
        logs.Add((address, log.Topics.ToArray(), log.Data));

    private static byte[] FeedId(int pairIndex)
    {
        var feed = new byte[32];
        feed[0] = 0x00;
        feed[31] = (byte)pairIndex;
        return feed;
    }

    private static string Slot(EthereumAddress trader, int pair, int index) => string.Create(CultureInfo.InvariantCulture, $"{trader}:{pair}:{index}");

    private static string LogJson(EthereumAddress address, byte[][] topics, byte[] data, ulong block, string tx) =>
        $"{{\"address\":\"{address.ToLowerHex()}\",\"topics\":[{string.Join(',', topics.Select(t => Quote(Hex.Encode(t))))}],\"data\":\"{Hex.Encode(data)}\",\"blockNumber\":\"{HexQuantity.Format(block)}\",\"transactionHash\":\"{tx}\"}}";

    private string Receipt(string hash)
    {
        if (WithholdReceipts)
        {
            return "null";
        }

        return _mined.TryGetValue(hash, out var mined) ? mined.ReceiptJson : "null";
    }

    private string TransactionByHash(string hash)
    {
        if (!_mined.TryGetValue(hash, out var mined))
        {
            return "null";
        }

        var tx = mined.Tx.Transaction;
        return $"{{\"hash\":\"{hash}\",\"from\":\"{mined.Tx.Sender.ToLowerHex()}\",\"to\":\"{tx.To!.Value.ToLowerHex()}\",\"nonce\":\"{HexQuantity.Format(tx.Nonce)}\",\"input\":\"{Hex.Encode(tx.Data)}\",\"blockNumber\":\"{HexQuantity.Format(_block)}\"}}";
    }

    private string HandleSubgraph(string request)
    {
        using var doc = JsonDocument.Parse(request);
        var query = doc.RootElement.GetProperty("query").GetString()!;
        lock (_gate)
        {
            Calls["subgraph"] = Calls.GetValueOrDefault("subgraph") + 1;
            if (query.Contains("trades", StringComparison.Ordinal))
            {
                var trader = EthereumAddress.Parse(doc.RootElement.GetProperty("variables").GetProperty("trader").GetString()!);
                var trades = OpenTrades.Where(t => t.Trader == trader).Select(t => new Dictionary<string, object>
                {
                    ["tradeID"] = t.TradeId,
                    ["index"] = t.Index.ToString(CultureInfo.InvariantCulture),
                    ["isBuy"] = t.Buy,
                    ["collateral"] = t.Collateral,
                    ["leverage"] = t.Leverage,
                    ["openPrice"] = t.OpenPrice,
                    ["pair"] = new Dictionary<string, object> { ["id"] = t.Pair.ToString(CultureInfo.InvariantCulture) },
                });
                return JsonSerializer.Serialize(new { data = new { trades } });
            }

            var pairs = Pairs.Select(p => new Dictionary<string, object>
            {
                ["id"] = p.Index.ToString(CultureInfo.InvariantCulture),
                ["from"] = p.From,
                ["to"] = p.To,
                ["maxLeverage"] = p.MaxLeverage,
                ["overnightMaxLeverage"] = p.OvernightMaxLeverage,
                ["group"] = new Dictionary<string, object> { ["name"] = p.Group, ["minLeverage"] = p.GroupMinLeverage, ["maxLeverage"] = p.GroupMaxLeverage },
                ["fee"] = new Dictionary<string, object> { ["minLevPos"] = p.MinLevPos },
            });
            return JsonSerializer.Serialize(new { data = new { pairs } });
        }
    }

    private string HandlePrices()
    {
        lock (_gate)
        {
            Calls["prices"] = Calls.GetValueOrDefault("prices") + 1;
            return JsonSerializer.Serialize(Prices.Select(kv => new Dictionary<string, object>
            {
                ["feed_id"] = "0x00",
                ["bid"] = kv.Value.Mid - 0.01m,
                ["mid"] = kv.Value.Mid,
                ["ask"] = kv.Value.Mid + 0.01m,
                ["isMarketOpen"] = kv.Value.Open,
                ["isDayTradingClosed"] = DayTradingClosed.Contains(kv.Key),
                ["from"] = kv.Key.From,
                ["to"] = kv.Key.To,
                ["timestampSeconds"] = 1_764_000_000,
            }));
        }
    }

    private static string Quote(string s) => "\"" + s + "\"";

    private sealed record PendingOrder(ulong Block, BigInteger WantedPrice, uint Slippage, OstiumTrade Trade, ushort Percentage, bool IsOpen, string Tx, BigInteger TradeId = default);

    private sealed class RpcError(long code, string message, byte[]? data) : Exception(message)
    {
        public long Code { get; } = code;

        public new byte[]? Data { get; } = data;
    }
}

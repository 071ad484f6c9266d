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
/// the call data must be an approve, an openTrade, a closeTradeMarket, or one of those wrapped in delegatedAction.
/// Anything else is recorded in <see cref="Violations"/> and refused.
/// </summary>
internal sealed class FakeOstiumNode : IAsyncDisposable
{
    public static readonly EthereumAddress Trading = EthereumAddress.Parse("0x1000000000000000000000000000000000000001");
    public static readonly EthereumAddress TradingStorage = EthereumAddress.Parse("0x1000000000000000000000000000000000000002");
    public static readonly EthereumAddress Usdc = EthereumAddress.Parse("0x1000000000000000000000000000000000000003");

    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly object _gate = new();
    private readonly Dictionary<string, (SignedTransaction Tx, string ReceiptJson)> _mined = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<EthereumAddress, ulong> _nonces = [];
    private BigInteger _nextOrderId = 1001;
    private ulong _block = 100;

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

    public List<(int Index, string From, string To, string Group, string MaxLeverage, string GroupMaxLeverage)> Pairs { get; } =
    [
        (0, "BTC", "USD", "crypto", "5000", "0"),
        (1, "ETH", "USD", "crypto", "5000", "0"),
        (2, "EUR", "USD", "forex", "10000", "0"),
        (5, "XAU", "USD", "commodities", "2500", "10000"),
        (15, "DAX", "EUR", "indices", "5000", "0"),
    ];

    public Dictionary<(string From, string To), (decimal Mid, bool Open)> Prices { get; } = new()
    {
        [("BTC", "USD")] = (91000.5m, true),
        [("ETH", "USD")] = (3125.25m, true),
        [("EUR", "USD")] = (1.16512m, true),
        [("XAU", "USD")] = (4650.75m, true),
        [("DAX", "EUR")] = (25000m, false),
    };

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
                    "eth_getTransactionCount" => Quote(HexQuantity.Format(_nonces.GetValueOrDefault(EthereumAddress.Parse(p[0].GetString()!)))),
                    "eth_getBlockByNumber" => $"{{\"number\":\"{HexQuantity.Format(_block)}\",\"baseFeePerGas\":\"0x989680\"}}",
                    "eth_maxPriorityFeePerGas" => Quote("0x1"),
                    "eth_estimateGas" => Estimate(p[0]),
                    "eth_call" => Call(p[0]),
                    "eth_sendRawTransaction" => Send(p[0].GetString()!),
                    "eth_getTransactionReceipt" => Receipt(p[0].GetString()!),
                    "eth_getTransactionByHash" => TransactionByHash(p[0].GetString()!),
                    _ => throw new RpcError(-32601, $"method {method} not found", null),
                };
                if (method == "eth_sendRawTransaction" && DropNextSendAnswer)
                {
                    DropNextSendAnswer = false;
                    return (502, "bad gateway");
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

        Violations.Add($"unexpected eth_call to {to} with selector {Hex.Encode(data.AsSpan(0, Math.Min(4, data.Length)))}");
        throw new RpcError(3, "execution reverted", []);
    }

    private string Send(string rawHex)
    {
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
        var (ok, logs) = Execute(received);
        _block++;
        var hash = signed.HashHex();
        var logJson = string.Join(',', logs.Select(l =>
            $"{{\"address\":\"{l.Address.ToLowerHex()}\",\"topics\":[{string.Join(',', l.Topics.Select(t => Quote(Hex.Encode(t))))}],\"data\":\"{Hex.Encode(l.Data)}\"}}"));
        var receipt = $"{{\"transactionHash\":\"{hash}\",\"status\":\"{(ok ? "0x1" : "0x0")}\",\"blockNumber\":\"{HexQuantity.Format(_block)}\",\"gasUsed\":\"0x2a000\",\"effectiveGasPrice\":\"0x989681\",\"logs\":[{logJson}]}}";
        _mined[hash] = (signed, receipt);
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

        Violations.Add("call data is neither openTrade nor closeTradeMarket");
        return received with { Kind = "unknown" };
    }

    // A tiny model of the contracts: enough to check that the SDK's transactions would succeed on chain.
    private (bool Ok, List<(EthereumAddress Address, byte[][] Topics, byte[] Data)> Logs) Execute(ReceivedTransaction r)
    {
        var logs = new List<(EthereumAddress Address, byte[][] Topics, byte[] Data)>();
        switch (r.Kind)
        {
            case "approve":
                Allowances[(r.Sender, r.ApproveSpender!.Value)] = r.ApproveAmount;
                return (true, logs);
            case "openTrade" or "closeTradeMarket":
                var trader = r.DelegatedFor ?? r.Sender;
                if (r.DelegatedFor is { } owner && Delegations.GetValueOrDefault(owner) != r.Sender)
                {
                    return (false, logs);
                }

                if (r.Open is { } open)
                {
                    var allowance = Allowances.GetValueOrDefault((trader, TradingStorage));
                    var balance = UsdcBalances.GetValueOrDefault(trader);
                    if (open.Trade.Trader != trader || open.Trade.Collateral > allowance || open.Trade.Collateral > balance)
                    {
                        return (false, logs);
                    }

                    Allowances[(trader, TradingStorage)] = allowance - open.Trade.Collateral;
                    UsdcBalances[trader] = balance - open.Trade.Collateral;
                }

                var orderId = _nextOrderId++;

                // The oracle's fill, at once: the trade shows in the subgraph at the requested price.
                if (r.Open is { } filled)
                {
                    var t = filled.Trade;
                    var slot = Enumerable.Range(0, 256).First(i => !OpenTrades.Any(o => o.Trader == trader && o.Pair == t.PairIndex && o.Index == i));
                    OpenTrades.Add(($"t-{orderId}", t.PairIndex, slot, t.Buy, t.Collateral.ToString(CultureInfo.InvariantCulture), t.Leverage.ToString(CultureInfo.InvariantCulture), t.OpenPrice.ToString(CultureInfo.InvariantCulture), trader));
                }

                if (r.Close is { } close)
                {
                    var removed = OpenTrades.RemoveAll(o => o.Trader == trader && o.Pair == close.PairIndex && o.Index == close.Index);
                    if (removed == 0)
                    {
                        return (false, logs);
                    }
                }

                var job = new byte[32];
                job[31] = 0x42;
                var log = OstiumTradingContract.PriceRequested.EncodeLog(orderId, job, BigInteger.Zero);
                logs.Add((Address: EthereumAddress.Parse("0x1000000000000000000000000000000000000009"), Topics: log.Topics.ToArray(), Data: log.Data));
                return (true, logs);
            default:
                return (false, logs);
        }
    }

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
                ["group"] = new Dictionary<string, object> { ["name"] = p.Group, ["maxLeverage"] = p.GroupMaxLeverage },
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
                ["from"] = kv.Key.From,
                ["to"] = kv.Key.To,
                ["timestampSeconds"] = 1_764_000_000,
            }));
        }
    }

    private static string Quote(string s) => "\"" + s + "\"";

    private sealed class RpcError(long code, string message, byte[]? data) : Exception(message)
    {
        public long Code { get; } = code;

        public new byte[]? Data { get; } = data;
    }
}

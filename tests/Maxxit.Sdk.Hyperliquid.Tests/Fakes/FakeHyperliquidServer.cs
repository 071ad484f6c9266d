using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ethereum.Hashing;
using Maxxit.Sdk.Ethereum.Signing;
using Maxxit.Sdk.Ethereum.TypedData;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Maxxit.Sdk.Hyperliquid.Tests.Fakes;

/// <summary>
/// An in-process Hyperliquid on 127.0.0.1 with the real response shapes. Every /exchange request is authenticated the
/// way the exchange does it: re-encode the action, recover the signer from the signature, map an approved agent to its
/// user, and refuse unknown signers with the exchange's own text.
/// </summary>
internal sealed class FakeHyperliquidServer : IAsyncDisposable
{
    private static readonly Eip712Domain ExchangeDomain = new("Exchange", "1", 1337, EthereumAddress.Zero);
    private static readonly Eip712Type AgentType = new("Agent(string source,bytes32 connectionId)");
    private static readonly Eip712Type ApproveAgentType =
        new("HyperliquidTransaction:ApproveAgent(string hyperliquidChain,address agentAddress,string agentName,uint64 nonce)");

    private readonly object _gate = new();
    private readonly WebApplication _app;
    private readonly Dictionary<string, FakeAccount> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<long>> _usedNonces = new(StringComparer.Ordinal);
    private readonly List<FakeOrder> _orders = [];
    private readonly List<JsonObject> _fills = [];
    private readonly List<string> _exchangeBodies = [];
    private readonly List<string> _infoTypes = [];
    private readonly List<(string Signer, long Nonce)> _nonces = [];
    private long _nextOid = 77738308;
    private int _failInfo;
    private int _failInfoStatus;
    private int _failExchange;
    private int _failExchangeStatus;
    private int _loseExchange;
    private int _loseExchangeStatus = 504;
    private string? _loseExchangeType;
    private FakeWeightBudget? _budget;
    private int _throttled;

    private FakeHyperliquidServer(WebApplication app, HyperliquidNetwork network)
    {
        _app = app;
        Network = network;
    }

    public HyperliquidNetwork Network { get; }

    /// <summary>The WebSocket endpoint, fed by this exchange's fills and order changes.</summary>
    public FakeStreamHub Streams { get; } = new();

    public Uri WebSocketUrl => new(BaseUrl.AbsoluteUri.Replace("http://", "ws://", StringComparison.Ordinal).TrimEnd('/') + "/ws");

    private void WireStreams()
    {
        Streams.SnapshotFills = user =>
        {
            lock (_gate)
            {
                return UserFills(user);
            }
        };
        Streams.SnapshotMids = () =>
        {
            lock (_gate)
            {
                return AllMids();
            }
        };
        FillRecorded += (user, fill) => Streams.Publish("userFills:" + user, new JsonObject
        {
            ["channel"] = "userFills",
            ["data"] = new JsonObject { ["user"] = user, ["fills"] = new JsonArray(fill.DeepClone()) },
        });
        OrderChanged += order => Streams.Publish("orderUpdates", new JsonObject
        {
            ["channel"] = "orderUpdates",
            ["data"] = new JsonArray(new JsonObject
            {
                ["order"] = new JsonObject
                {
                    ["coin"] = order.Coin,
                    ["side"] = order.IsBuy ? "B" : "A",
                    ["limitPx"] = Wire(order.LimitPx),
                    ["sz"] = Wire(order.Sz),
                    ["oid"] = order.Oid,
                    ["timestamp"] = order.Timestamp,
                    ["origSz"] = Wire(order.OrigSz),
                    ["cloid"] = order.Cloid,
                },
                ["status"] = order.Status,
                ["statusTimestamp"] = order.StatusTimestamp,
            }),
        }, order.User);
    }

    /// <summary>Pushes an allMids message with the current mids to the subscribed connections.</summary>
    public void PublishMids()
    {
        JsonObject mids;
        lock (_gate)
        {
            mids = AllMids();
        }

        Streams.Publish("allMids", new JsonObject { ["channel"] = "allMids", ["data"] = new JsonObject { ["mids"] = mids } });
    }

    public Uri BaseUrl { get; private set; } = null!;

    public List<FakeMarket> Markets { get; } = FakeMarket.Defaults();

    /// <summary>Forces the outcome of the next orders (by order): return a status object, or null for the normal simulation.</summary>
    public Func<FakeOrder, JsonNode?>? OrderOutcome { get; set; }

    public IReadOnlyList<FakeOrder> Orders
    {
        get
        {
            lock (_gate)
            {
                return [.. _orders];
            }
        }
    }

    public IReadOnlyList<string> ExchangeBodies
    {
        get
        {
            lock (_gate)
            {
                return [.. _exchangeBodies];
            }
        }
    }

    public IReadOnlyList<string> InfoTypes
    {
        get
        {
            lock (_gate)
            {
                return [.. _infoTypes];
            }
        }
    }

    public IReadOnlyList<(string Signer, long Nonce)> Nonces
    {
        get
        {
            lock (_gate)
            {
                return [.. _nonces];
            }
        }
    }

    public static async Task<FakeHyperliquidServer> StartAsync(HyperliquidNetwork network = HyperliquidNetwork.Testnet)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeHyperliquidServer(app, network);
        app.UseWebSockets();
        app.MapPost("/info", server.HandleInfoAsync);
        app.MapPost("/exchange", server.HandleExchangeAsync);
        app.Map("/ws", server.Streams.HandleAsync);
        server.WireStreams();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address);
        return server;
    }

    public FakeAccount AddUser(string address, decimal accountValue)
    {
        lock (_gate)
        {
            var account = new FakeAccount(address.ToLowerInvariant(), accountValue);
            _accounts[account.Address] = account;
            return account;
        }
    }

    public void ApproveAgent(string agent, string user)
    {
        lock (_gate)
        {
            _agents[agent.ToLowerInvariant()] = user.ToLowerInvariant();
        }
    }

    /// <summary>Takes a coin's book away (false: IOC orders find nothing to match and end as iocCancelRejected) or gives it back.</summary>
    public void SetLiquidity(string coin, bool liquid)
    {
        lock (_gate)
        {
            Markets.Single(m => m.Name == coin).HasLiquidity = liquid;
        }
    }

    /// <summary>The fills the fake recorded, newest first, each with its user.</summary>
    public IReadOnlyList<JsonObject> Fills
    {
        get
        {
            lock (_gate)
            {
                return [.. _fills.Select(f => f.DeepClone().AsObject())];
            }
        }
    }

    /// <summary>Raised under the fake's lock for every fill, for a WebSocket fake to stream it.</summary>
    public event Action<string, JsonObject>? FillRecorded;

    /// <summary>Raised under the fake's lock whenever an order's status changes.</summary>
    public event Action<FakeOrder>? OrderChanged;

    public void SetMid(string coin, decimal mid)
    {
        lock (_gate)
        {
            Markets.Single(m => m.Name == coin).Mid = mid;
        }
    }

    public void FailNextInfoRequests(int count, HttpStatusCode status)
    {
        lock (_gate)
        {
            _failInfo = count;
            _failInfoStatus = (int)status;
        }
    }

    public void FailNextExchangeRequests(int count, HttpStatusCode status)
    {
        lock (_gate)
        {
            _failExchange = count;
            _failExchangeStatus = (int)status;
        }
    }

    /// <summary>Executes the next requests (of one action type, if given) but answers 504 (or the given status), as when a gateway fails after the exchange acted.</summary>
    public void LoseNextExchangeResponses(int count, string? actionType = null, HttpStatusCode status = HttpStatusCode.GatewayTimeout)
    {
        lock (_gate)
        {
            _loseExchange = count;
            _loseExchangeType = actionType;
            _loseExchangeStatus = (int)status;
        }
    }

    /// <summary>Counts request weight per IP the way the venue does and answers 429 past the budget.</summary>
    public void EnforceWeightBudget(int perMinute, TimeProvider time)
    {
        lock (_gate)
        {
            _budget = new FakeWeightBudget(perMinute, time);
        }
    }

    /// <summary>How many requests the fake refused with 429 because the weight budget was spent.</summary>
    public int Throttled
    {
        get
        {
            lock (_gate)
            {
                return _throttled;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleInfoAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var request = body.RootElement;
        var type = request.GetProperty("type").GetString()!;
        JsonNode? response;
        lock (_gate)
        {
            _infoTypes.Add(type);
            if (_budget is { } budget && !budget.TryTake(FakeWeightBudget.InfoWeight(type)))
            {
                _throttled++;
                context.Response.StatusCode = 429;
                return;
            }

            if (_failInfo > 0)
            {
                _failInfo--;
                context.Response.StatusCode = _failInfoStatus;
                return;
            }

            response = type switch
            {
                "meta" => Meta(),
                "metaAndAssetCtxs" => new JsonArray(Meta(), AssetContexts()),
                "allMids" => AllMids(),
                "clearinghouseState" => Clearinghouse(request.GetProperty("user").GetString()!),
                "orderStatus" => OrderStatus(request.GetProperty("user").GetString()!, request.GetProperty("oid")),
                "userFills" => UserFills(request.GetProperty("user").GetString()!),
                "userFillsByTime" => UserFillsByTime(request),
                "openOrders" => OpenOrders(request.GetProperty("user").GetString()!, frontend: false),
                "frontendOpenOrders" => OpenOrders(request.GetProperty("user").GetString()!, frontend: true),
                "historicalOrders" => HistoricalOrders(request.GetProperty("user").GetString()!),
                "l2Book" => L2Book(request.GetProperty("coin").GetString()!),
                "candleSnapshot" => Candles(request.GetProperty("req")),
                "fundingHistory" => FundingHistory(request.GetProperty("coin").GetString()!, request.GetProperty("startTime").GetInt64()),
                "userFunding" => UserFunding(request.GetProperty("startTime").GetInt64()),
                _ => null,
            };
        }

        if (response is null)
        {
            context.Response.StatusCode = 422;
            await context.Response.WriteAsync("Failed to deserialize the JSON body into the target type");
            return;
        }

        await WriteJsonAsync(context, response);
    }

    private async Task HandleExchangeAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync();
        JsonNode response;
        lock (_gate)
        {
            _exchangeBodies.Add(text);
            if (_budget is { } budget && !budget.TryTake(FakeWeightBudget.ExchangeWeight(text)))
            {
                _throttled++;
                context.Response.StatusCode = 429;
                return;
            }

            if (_failExchange > 0)
            {
                _failExchange--;
                context.Response.StatusCode = _failExchangeStatus;
                return;
            }

            using var document = JsonDocument.Parse(text);
            response = Exchange(document.RootElement);
            var actionType = document.RootElement.GetProperty("action").GetProperty("type").GetString();
            if (_loseExchange > 0 && (_loseExchangeType is null || _loseExchangeType == actionType))
            {
                _loseExchange--;
                context.Response.StatusCode = _loseExchangeStatus;
                return;
            }
        }

        await WriteJsonAsync(context, response);
    }

    private JsonNode Exchange(JsonElement request)
    {
        var action = request.GetProperty("action");
        var nonce = request.GetProperty("nonce").GetInt64();
        var signature = ParseSignature(request.GetProperty("signature"));
        var type = action.GetProperty("type").GetString();

        if (type == "approveAgent")
        {
            var chain = action.GetProperty("hyperliquidChain").GetString();
            var owner = RecoverApproveAgent(action, signature).ToLowerHex();
            if (chain != UserChain)
            {
                return Error("Invalid hyperliquidChain");
            }

            if (!_accounts.ContainsKey(owner))
            {
                return Error($"User or API Wallet {owner} does not exist.");
            }

            _agents[action.GetProperty("agentAddress").GetString()!.ToLowerInvariant()] = owner;
            return Ok("default");
        }

        byte[] packed;
        try
        {
            packed = CanonicalActionEncoder.Encode(action);
        }
        catch (InvalidDataException ex)
        {
            return Error("Failed to deserialize the JSON body into the target type: " + ex.Message);
        }

        var vault = request.TryGetProperty("vaultAddress", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        long? expiresAfter = request.TryGetProperty("expiresAfter", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt64() : null;
        var signer = RecoverL1(packed, nonce, vault, expiresAfter, signature).ToLowerHex();
        string user;
        if (_agents.TryGetValue(signer, out var owned))
        {
            user = owned;
        }
        else if (_accounts.ContainsKey(signer))
        {
            user = signer;
        }
        else
        {
            return Error($"User or API Wallet {signer} does not exist.");
        }

        var used = _usedNonces.TryGetValue(signer, out var set) ? set : _usedNonces[signer] = [];
        if (!used.Add(nonce))
        {
            return Error($"Invalid nonce: duplicate nonce {nonce}");
        }

        _nonces.Add((signer, nonce));
        return type switch
        {
            "order" => PlaceOrders(action, user, signer, nonce),
            "cancel" => Cancel(action, user, byCloid: false),
            "cancelByCloid" => Cancel(action, user, byCloid: true),
            "updateLeverage" => UpdateLeverage(action, user),
            "scheduleCancel" => ScheduleCancel(action, user),
            "modify" => Modify(action.GetProperty("oid"), action.GetProperty("order"), user, batch: false),
            "batchModify" => BatchModify(action, user),
            "updateIsolatedMargin" => Ok("default"),
            _ => Error("Unknown action type " + type),
        };
    }

    private JsonNode PlaceOrders(JsonElement action, string user, string signer, long nonce)
    {
        var statuses = new JsonArray();
        foreach (var wire in action.GetProperty("orders").EnumerateArray())
        {
            statuses.Add(PlaceOrder(wire, user, signer, nonce));
        }

        return new JsonObject
        {
            ["status"] = "ok",
            ["response"] = new JsonObject { ["type"] = "order", ["data"] = new JsonObject { ["statuses"] = statuses } },
        };
    }

    private JsonNode PlaceOrder(JsonElement wire, string user, string signer, long nonce)
    {
        var asset = wire.GetProperty("a").GetInt32();
        if (asset < 0 || asset >= Markets.Count)
        {
            return new JsonObject { ["error"] = $"Invalid asset. asset={asset}" };
        }

        var market = Markets[asset];
        var isBuy = wire.GetProperty("b").GetBoolean();
        var px = decimal.Parse(wire.GetProperty("p").GetString()!, CultureInfo.InvariantCulture);
        var sz = decimal.Parse(wire.GetProperty("s").GetString()!, CultureInfo.InvariantCulture);
        var reduceOnly = wire.GetProperty("r").GetBoolean();
        var t = wire.GetProperty("t");
        var isTrigger = t.TryGetProperty("trigger", out _);
        var tif = isTrigger ? "Gtc" : t.GetProperty("limit").GetProperty("tif").GetString()!;
        var cloid = wire.TryGetProperty("c", out var c) ? c.GetString() : null;

        if (!IsValidPrice(px, market.SzDecimals))
        {
            return new JsonObject { ["error"] = $"Price must be divisible by tick size. asset={asset}" };
        }

        if (decimal.Round(sz, market.SzDecimals) != sz || sz <= 0m)
        {
            return new JsonObject { ["error"] = $"Order has invalid size. asset={asset}" };
        }

        if (!reduceOnly && px * sz < 10m)
        {
            return new JsonObject { ["error"] = $"Order must have minimum value of $10. asset={asset}" };
        }

        var account = _accounts[user];
        if (reduceOnly)
        {
            var held = account.Positions.TryGetValue(market.Name, out var p) ? p.Szi : 0m;
            if (held == 0m || (held > 0m) == isBuy)
            {
                return new JsonObject { ["error"] = $"Reduce only order would increase position. asset={asset}" };
            }

            sz = Math.Min(sz, Math.Abs(held));
        }

        var order = new FakeOrder
        {
            User = user,
            Signer = signer,
            Oid = _nextOid++,
            Coin = market.Name,
            Asset = asset,
            IsBuy = isBuy,
            LimitPx = px,
            OrigSz = sz,
            Sz = sz,
            ReduceOnly = reduceOnly,
            Tif = tif,
            IsTrigger = isTrigger,
            Cloid = cloid,
            Timestamp = nonce,
            StatusTimestamp = nonce,
        };

        if (OrderOutcome?.Invoke(order) is { } forced)
        {
            if (forced is not JsonObject { } error || error["error"] is null)
            {
                _orders.Add(order);
            }

            return forced;
        }

        var crosses = isBuy ? px >= market.Mid : px <= market.Mid;
        if (!isTrigger && tif == "Alo" && crosses)
        {
            return new JsonObject { ["error"] = $"Post only order would have immediately matched, bbo was {market.Mid}@{market.Mid}. asset={asset}" };
        }

        if (isTrigger || (!crosses && tif != "Ioc"))
        {
            _orders.Add(order);
            OrderChanged?.Invoke(order);
            return new JsonObject { ["resting"] = WithCloid(new JsonObject { ["oid"] = order.Oid }, cloid) };
        }

        if (!crosses || !market.HasLiquidity)
        {
            // The exchange keeps the refused IOC: orderStatus and historicalOrders report it as iocCancelRejected.
            order.Status = "iocCancelRejected";
            _orders.Add(order);
            OrderChanged?.Invoke(order);
            return new JsonObject { ["error"] = $"Order could not immediately match against any resting orders. asset={asset}" };
        }

        Fill(order, market.Mid, account);
        _orders.Add(order);
        OrderChanged?.Invoke(order);
        return new JsonObject
        {
            ["filled"] = WithCloid(
                new JsonObject { ["totalSz"] = Wire(order.OrigSz), ["avgPx"] = Wire(market.Mid), ["oid"] = order.Oid }, cloid),
        };
    }

    private void Fill(FakeOrder order, decimal price, FakeAccount account)
    {
        order.Sz = 0m;
        order.Status = "filled";
        order.AvgPx = price;
        var signed = order.IsBuy ? order.OrigSz : -order.OrigSz;
        var (szi, entry) = account.Positions.TryGetValue(order.Coin, out var p) ? p : (0m, 0m);
        var next = szi + signed;
        if (next == 0m)
        {
            account.Positions.Remove(order.Coin);
        }
        else
        {
            var increases = szi == 0m || Math.Sign(szi) == Math.Sign(signed);
            account.Positions[order.Coin] = (next, increases ? ((szi * entry) + (signed * price)) / next : entry);
        }

        // As on the exchange: the direction says what the fill did to the position, including a flip ("Long > Short");
        // older fills carry no tid and no feeToken, and a fill of an order without a cloid has no cloid field at all.
        var fill = new JsonObject
        {
            ["coin"] = order.Coin,
            ["px"] = Wire(price),
            ["sz"] = Wire(order.OrigSz),
            ["side"] = order.IsBuy ? "B" : "A",
            ["time"] = order.Timestamp,
            ["startPosition"] = Wire(szi),
            ["dir"] = Direction(szi, next),
            ["closedPnl"] = Wire(decimal.Round(ClosedPnl(szi, entry, signed, price), 6)),
            ["hash"] = "0x" + order.Oid.ToString("x64", CultureInfo.InvariantCulture),
            ["oid"] = order.Oid,
            ["crossed"] = true,
            ["fee"] = Wire(decimal.Round(order.OrigSz * price * 0.00045m, 6)),
        };
        if (!LegacyFills)
        {
            fill["tid"] = order.Oid * 7;
            fill["feeToken"] = "USDC";
        }

        if (order.Cloid is not null)
        {
            fill["cloid"] = order.Cloid;
        }

        fill["user"] = order.User;
        _fills.Insert(0, fill);
        var streamed = fill.DeepClone().AsObject();
        streamed.Remove("user");
        FillRecorded?.Invoke(order.User, streamed);
    }

    /// <summary>When true, new fills are written the way older mainnet fills are: without tid and feeToken.</summary>
    public bool LegacyFills { get; set; }

    private static string Direction(decimal before, decimal after) => (Math.Sign(before), Math.Sign(after)) switch
    {
        (0, > 0) => "Open Long",
        (0, < 0) => "Open Short",
        (> 0, < 0) => "Long > Short",
        (< 0, > 0) => "Short > Long",
        (> 0, _) => after > before ? "Open Long" : "Close Long",
        (< 0, _) => after < before ? "Open Short" : "Close Short",
        _ => "Open Long",
    };

    private static decimal ClosedPnl(decimal before, decimal entry, decimal signed, decimal price)
    {
        if (before == 0m || Math.Sign(before) == Math.Sign(signed))
        {
            return 0m;
        }

        var closed = Math.Min(Math.Abs(before), Math.Abs(signed));
        return closed * (price - entry) * Math.Sign(before);
    }

    /// <summary>The dead man's switch time each user armed with scheduleCancel (absent when unset).</summary>
    public IReadOnlyDictionary<string, long> ScheduledCancels
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, long>(_scheduledCancels);
            }
        }
    }

    private readonly Dictionary<string, long> _scheduledCancels = new(StringComparer.Ordinal);

    private JsonNode ScheduleCancel(JsonElement action, string user)
    {
        if (action.TryGetProperty("time", out var time))
        {
            _scheduledCancels[user] = time.GetInt64();
        }
        else
        {
            _scheduledCancels.Remove(user);
        }

        return Ok("default");
    }

    private JsonNode BatchModify(JsonElement action, string user)
    {
        var statuses = new JsonArray();
        foreach (var modify in action.GetProperty("modifies").EnumerateArray())
        {
            statuses.Add(Modify(modify.GetProperty("oid"), modify.GetProperty("order"), user, batch: true));
        }

        return new JsonObject
        {
            ["status"] = "ok",
            ["response"] = new JsonObject { ["type"] = "order", ["data"] = new JsonObject { ["statuses"] = statuses } },
        };
    }

    private JsonNode Modify(JsonElement oid, JsonElement wire, string user, bool batch)
    {
        var order = oid.ValueKind == JsonValueKind.String
            ? _orders.LastOrDefault(o => o.User == user && o.Cloid == oid.GetString())
            : _orders.FirstOrDefault(o => o.User == user && o.Oid == oid.GetInt64());
        if (order is not { Status: "open" })
        {
            const string message = "Cannot modify canceled or filled order";
            return batch ? new JsonObject { ["error"] = message } : Error(message);
        }

        // The exchange cancels the old order and places the replacement under a new oid.
        order.Status = "canceled";
        OrderChanged?.Invoke(order);
        var replaced = PlaceOrder(wire, user, order.Signer, order.Timestamp + 1);
        return batch ? replaced : Ok("default");
    }

    private JsonNode Cancel(JsonElement action, string user, bool byCloid)
    {
        var statuses = new JsonArray();
        foreach (var cancel in action.GetProperty("cancels").EnumerateArray())
        {
            var order = byCloid
                ? _orders.FirstOrDefault(o => o.User == user && o.Cloid == cancel.GetProperty("cloid").GetString())
                : _orders.FirstOrDefault(o => o.User == user && o.Oid == cancel.GetProperty("o").GetInt64());
            if (order is { Status: "open" })
            {
                order.Status = "canceled";
                OrderChanged?.Invoke(order);
                statuses.Add("success");
            }
            else
            {
                statuses.Add(new JsonObject { ["error"] = "Order was never placed, already canceled, or filled." });
            }
        }

        return new JsonObject
        {
            ["status"] = "ok",
            ["response"] = new JsonObject { ["type"] = "cancel", ["data"] = new JsonObject { ["statuses"] = statuses } },
        };
    }

    private JsonNode UpdateLeverage(JsonElement action, string user)
    {
        var asset = action.GetProperty("asset").GetInt32();
        var leverage = action.GetProperty("leverage").GetInt32();
        if (asset < 0 || asset >= Markets.Count || leverage > Markets[asset].MaxLeverage)
        {
            return Error("Invalid leverage value");
        }

        _accounts[user].Leverage[asset] = (leverage, action.GetProperty("isCross").GetBoolean());
        return Ok("default");
    }

    private JsonObject Meta()
    {
        var universe = new JsonArray();
        foreach (var m in Markets)
        {
            // Older meta answers (the official SDK's cassettes) carry only these three fields.
            var asset = new JsonObject { ["szDecimals"] = m.SzDecimals, ["name"] = m.Name, ["maxLeverage"] = m.MaxLeverage };
            if (m.IsDelisted)
            {
                asset["isDelisted"] = true;
            }

            universe.Add(asset);
        }

        var tiers = new JsonArray(new JsonObject { ["lowerBound"] = "0.0", ["maxLeverage"] = 40 });
        return new JsonObject
        {
            ["universe"] = universe,
            ["marginTables"] = new JsonArray(new JsonArray(40, new JsonObject { ["description"] = "", ["marginTiers"] = tiers })),
            ["collateralToken"] = 0,
        };
    }

    private JsonArray AssetContexts()
    {
        var contexts = new JsonArray();
        foreach (var m in Markets)
        {
            contexts.Add(new JsonObject
            {
                ["funding"] = "0.0000125",
                ["openInterest"] = Wire(decimal.Round(2_000_000m / m.Mid, m.SzDecimals)),
                ["prevDayPx"] = Wire(decimal.Round(m.Mid * 0.98m, 6)),
                ["dayNtlVlm"] = "1234567.89",
                ["premium"] = m.IsDelisted ? null : "0.0001",
                ["oraclePx"] = Wire(m.Mid),
                ["markPx"] = Wire(m.Mid),
                ["midPx"] = m.IsDelisted ? null : Wire(m.Mid),
                ["impactPxs"] = m.IsDelisted ? null : new JsonArray(Wire(m.Mid), Wire(m.Mid)),
                ["dayBaseVlm"] = "1000.0",
            });
        }

        return contexts;
    }

    private JsonObject AllMids()
    {
        var mids = new JsonObject();
        foreach (var m in Markets.Where(m => !m.IsDelisted))
        {
            mids[m.Name] = Wire(m.Mid);
        }

        mids["@1"] = "0.0021";
        return mids;
    }

    private JsonObject Clearinghouse(string user)
    {
        var account = _accounts.GetValueOrDefault(user.ToLowerInvariant()) ?? new FakeAccount(user, 0m);
        var positions = new JsonArray();
        decimal notional = 0m, margin = 0m;
        foreach (var (coin, (szi, entry)) in account.Positions)
        {
            var index = Markets.FindIndex(m => m.Name == coin);
            var mid = Markets[index].Mid;
            var leverage = account.Leverage.TryGetValue(index, out var l) ? l.Leverage : 20;
            var value = Math.Abs(szi) * mid;
            notional += value;
            margin += value / leverage;
            positions.Add(new JsonObject
            {
                ["type"] = "oneWay",
                ["position"] = new JsonObject
                {
                    ["coin"] = coin,
                    ["szi"] = Wire(szi),
                    ["leverage"] = new JsonObject { ["type"] = "cross", ["value"] = leverage },
                    ["entryPx"] = Wire(decimal.Round(entry, 6)),
                    ["positionValue"] = Wire(decimal.Round(value, 6)),
                    ["unrealizedPnl"] = Wire(decimal.Round((mid - entry) * szi, 6)),
                    ["returnOnEquity"] = "0.0",
                    ["liquidationPx"] = null,
                    ["marginUsed"] = Wire(decimal.Round(value / leverage, 6)),
                    ["maxLeverage"] = Markets[index].MaxLeverage,
                    ["maxTradeSzs"] = new JsonArray(Wire(decimal.Round(account.AccountValue * 10m / mid, 4)), Wire(decimal.Round(account.AccountValue * 10m / mid, 4))),
                    ["cumFunding"] = new JsonObject { ["allTime"] = "0.0", ["sinceOpen"] = "0.0", ["sinceChange"] = "0.0" },
                },
            });
        }

        JsonObject Summary() => new()
        {
            ["accountValue"] = Wire(account.AccountValue),
            ["totalNtlPos"] = Wire(decimal.Round(notional, 6)),
            ["totalRawUsd"] = Wire(account.AccountValue),
            ["totalMarginUsed"] = Wire(decimal.Round(margin, 6)),
        };

        return new JsonObject
        {
            ["marginSummary"] = Summary(),
            ["crossMarginSummary"] = Summary(),
            ["crossMaintenanceMarginUsed"] = Wire(decimal.Round(margin / 2, 6)),
            ["withdrawable"] = Wire(Math.Max(0m, decimal.Round(account.AccountValue - margin, 6))),
            ["assetPositions"] = positions,
        };
    }

    private JsonObject OrderStatus(string user, JsonElement oid)
    {
        var u = user.ToLowerInvariant();
        var order = oid.ValueKind == JsonValueKind.String
            ? _orders.FirstOrDefault(o => o.User == u && o.Cloid == oid.GetString()!.ToLowerInvariant())
            : _orders.FirstOrDefault(o => o.User == u && o.Oid == oid.GetInt64());
        if (order is null)
        {
            return new JsonObject { ["status"] = "unknownOid" };
        }

        return new JsonObject
        {
            ["status"] = "order",
            ["order"] = new JsonObject
            {
                ["order"] = OrderJson(order),
                ["status"] = order.Status,
                ["statusTimestamp"] = order.StatusTimestamp,
            },
        };
    }

    private static JsonObject OrderJson(FakeOrder order) => new()
    {
        ["coin"] = order.Coin,
        ["side"] = order.IsBuy ? "B" : "A",
        ["limitPx"] = Wire(order.LimitPx),
        ["sz"] = Wire(order.Sz),
        ["oid"] = order.Oid,
        ["timestamp"] = order.Timestamp,
        ["triggerCondition"] = "N/A",
        ["isTrigger"] = order.IsTrigger,
        ["triggerPx"] = "0.0",
        ["children"] = new JsonArray(),
        ["isPositionTpsl"] = false,
        ["reduceOnly"] = order.ReduceOnly,
        // Real IOC orders are reported as Limit with tif Ioc (the python SDK's historicalOrders cassette).
        ["orderType"] = order.IsTrigger ? "Stop Market" : "Limit",
        ["origSz"] = Wire(order.OrigSz),
        ["tif"] = order.Tif,
        ["cloid"] = order.Cloid,
    };

    private JsonObject L2Book(string coin)
    {
        var mid = Markets.Single(m => m.Name == coin).Mid;
        var bids = new JsonArray();
        var asks = new JsonArray();
        for (var i = 1; i <= 20; i++)
        {
            bids.Add(new JsonObject { ["px"] = Wire(decimal.Round(mid * (1 - (0.0001m * i)), 2)), ["sz"] = "1.5", ["n"] = i });
            asks.Add(new JsonObject { ["px"] = Wire(decimal.Round(mid * (1 + (0.0001m * i)), 2)), ["sz"] = "2.0", ["n"] = 1 });
        }

        return new JsonObject { ["coin"] = coin, ["time"] = 1700000000000, ["levels"] = new JsonArray(bids, asks) };
    }

    private static JsonArray Candles(JsonElement req)
    {
        // The cassette's shape: T, c, h, i, l, n, o, s, t, v.
        var coin = req.GetProperty("coin").GetString()!;
        var interval = req.GetProperty("interval").GetString()!;
        var start = req.GetProperty("startTime").GetInt64();
        var candles = new JsonArray();
        for (var i = 0; i < 3; i++)
        {
            var t = start + (i * 3_600_000L);
            candles.Add(new JsonObject
            {
                ["T"] = t + 3_599_999, ["c"] = "0.001604", ["h"] = "0.001616", ["i"] = interval, ["l"] = "0.001601",
                ["n"] = 709 + i, ["o"] = "0.001601", ["s"] = coin, ["t"] = t, ["v"] = "520665683.0",
            });
        }

        return candles;
    }

    private static JsonArray FundingHistory(string coin, long start) =>
    [
        new JsonObject { ["coin"] = coin, ["fundingRate"] = "-0.00061334", ["premium"] = "-0.00091334", ["time"] = start + 1 },
        new JsonObject { ["coin"] = coin, ["fundingRate"] = "0.0000125", ["premium"] = "0.0003", ["time"] = start + 3_600_000 },
    ];

    private static JsonArray UserFunding(long start) =>
    [
        new JsonObject
        {
            ["delta"] = new JsonObject { ["coin"] = "APE", ["fundingRate"] = "-0.00029319", ["nSamples"] = 3, ["szi"] = "40.13333333", ["type"] = "funding", ["usdc"] = "0.145796" },
            ["hash"] = "0xe3f4",
            ["time"] = start + 10,
        },
    ];

    private JsonArray OpenOrders(string user, bool frontend)
    {
        var u = user.ToLowerInvariant();
        var orders = new JsonArray();
        foreach (var order in _orders.Where(o => o.User == u && o.Status == "open").OrderByDescending(o => o.Oid))
        {
            // openOrders answers the short shape (the python SDK's cassette); frontendOpenOrders the full one.
            orders.Add(frontend ? OrderJson(order) : new JsonObject
            {
                ["coin"] = order.Coin,
                ["limitPx"] = Wire(order.LimitPx),
                ["oid"] = order.Oid,
                ["side"] = order.IsBuy ? "B" : "A",
                ["sz"] = Wire(order.Sz),
                ["timestamp"] = order.Timestamp,
            });
        }

        return orders;
    }

    private JsonArray HistoricalOrders(string user)
    {
        var u = user.ToLowerInvariant();
        var orders = new JsonArray();
        foreach (var order in _orders.Where(o => o.User == u).OrderByDescending(o => o.Oid))
        {
            orders.Add(new JsonObject { ["order"] = OrderJson(order), ["status"] = order.Status, ["statusTimestamp"] = order.StatusTimestamp });
        }

        return orders;
    }

    private JsonArray UserFillsByTime(JsonElement request)
    {
        var u = request.GetProperty("user").GetString()!.ToLowerInvariant();
        var start = request.GetProperty("startTime").GetInt64();
        var end = request.TryGetProperty("endTime", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt64() : long.MaxValue;
        var fills = new JsonArray();
        foreach (var fill in _fills.Where(f => (string?)f["user"] == u).Reverse())
        {
            var time = (long)fill["time"]!;
            if (time >= start && time <= end && fills.Count < 2000)
            {
                var copy = fill.DeepClone().AsObject();
                copy.Remove("user");
                fills.Add(copy);
            }
        }

        return fills;
    }

    private JsonArray UserFills(string user)
    {
        var u = user.ToLowerInvariant();
        var fills = new JsonArray();
        foreach (var fill in _fills.Where(f => (string?)f["user"] == u))
        {
            var copy = fill.DeepClone().AsObject();
            copy.Remove("user");
            fills.Add(copy);
        }

        return fills;
    }

    private string UserChain => Network == HyperliquidNetwork.Mainnet ? "Mainnet" : "Testnet";

    private EthereumAddress RecoverL1(byte[] packed, long nonce, string? vault, long? expiresAfter, EcdsaSignature signature)
    {
        var data = new List<byte>(packed);
        var nonceBytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(nonceBytes, (ulong)nonce);
        data.AddRange(nonceBytes);
        if (vault is null)
        {
            data.Add(0);
        }
        else
        {
            data.Add(1);
            data.AddRange(Convert.FromHexString(vault[2..]));
        }

        // As the official SDK's action_hash: an expiry is appended as 0x00 and 8 bytes big-endian after the vault part.
        if (expiresAfter is { } expiry)
        {
            data.Add(0);
            var expiryBytes = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(expiryBytes, (ulong)expiry);
            data.AddRange(expiryBytes);
        }

        var connectionId = Keccak256.Hash(data.ToArray());
        var source = Network == HyperliquidNetwork.Mainnet ? "a" : "b";
        var structHash = AgentType.CreateBuilder().AddString(source).AddFixedBytes(connectionId).Hash();
        return Secp256k1.RecoverAddress(Eip712.Hash(ExchangeDomain, structHash), signature);
    }

    private static EthereumAddress RecoverApproveAgent(JsonElement action, EcdsaSignature signature)
    {
        var chainId = BigInteger.Parse("0" + action.GetProperty("signatureChainId").GetString()![2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var domain = new Eip712Domain("HyperliquidSignTransaction", "1", chainId, EthereumAddress.Zero);
        var structHash = ApproveAgentType.CreateBuilder()
            .AddString(action.GetProperty("hyperliquidChain").GetString()!)
            .AddAddress(EthereumAddress.Parse(action.GetProperty("agentAddress").GetString()!))
            .AddString(action.TryGetProperty("agentName", out var name) ? name.GetString()! : "")
            .AddUInt((ulong)action.GetProperty("nonce").GetInt64())
            .Hash();
        return Secp256k1.RecoverAddress(Eip712.Hash(domain, structHash), signature);
    }

    private static EcdsaSignature ParseSignature(JsonElement signature)
    {
        var r = Hex.DecodeFixed(signature.GetProperty("r").GetString()!, 32);
        var s = Hex.DecodeFixed(signature.GetProperty("s").GetString()!, 32);
        return new EcdsaSignature(r, s, signature.GetProperty("v").GetInt32() - 27);
    }

    private static bool IsValidPrice(decimal px, int szDecimals)
    {
        if (px <= 0m)
        {
            return false;
        }

        if (decimal.Truncate(px) == px)
        {
            return true;
        }

        var text = px.ToString("0.############################", CultureInfo.InvariantCulture);
        var decimals = text.Contains('.') ? text.Length - text.IndexOf('.') - 1 : 0;
        var significant = text.Replace(".", "").TrimStart('0').Length;
        return decimals <= 6 - szDecimals && significant <= 5;
    }

    private static JsonObject WithCloid(JsonObject status, string? cloid)
    {
        if (cloid is not null)
        {
            status["cloid"] = cloid;
        }

        return status;
    }

    private static string Wire(decimal value) => value == 0m ? "0.0" : value.ToString("0.0###########", CultureInfo.InvariantCulture);

    private static JsonObject Ok(string type) => new() { ["status"] = "ok", ["response"] = new JsonObject { ["type"] = type } };

    private static JsonObject Error(string message) => new() { ["status"] = "err", ["response"] = message };

    private static async Task WriteJsonAsync(HttpContext context, JsonNode node)
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(node.ToJsonString());
    }
}

using System.Buffers;
using System.Text.Json;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ethereum.Signing;
using Maxxit.Sdk.Hyperliquid.Exchange;
using Maxxit.Sdk.Hyperliquid.Signing;
using Maxxit.Sdk.Hyperliquid.Tests.Fakes;

namespace Maxxit.Sdk.Hyperliquid.Tests.Signing;

public sealed class ActionEncodingTests
{
    public static TheoryData<string, L1Action> Actions => new()
    {
        { "ioc order", new OrderAction([new HyperliquidOrder(4, true, 1670.1m, 0.0147m, false, HyperliquidOrderType.Limit(TimeInForce.Ioc))]) },
        { "order with cloid", new OrderAction([new HyperliquidOrder(1, false, 100m, 100m, true, HyperliquidOrderType.Limit(TimeInForce.Alo), Cloid.Parse("0x0000000000000000000000000000abcd"))]) },
        { "tpsl", new OrderAction([new HyperliquidOrder(1, true, 100m, 100m, false, HyperliquidOrderType.Trigger(103m, true, TriggerKind.StopLoss))], OrderGrouping.NormalTpsl) },
        { "cancel", new CancelAction([new CancelRequest(3, 77738308), new CancelRequest(0, 1)]) },
        { "cancel by cloid", new CancelByCloidAction([new CancelByCloidRequest(5, Cloid.Parse("0x000000000000000000000000000000ff"))]) },
        { "update leverage", new UpdateLeverageAction(1, 7, isCross: false) },
        { "schedule cancel", new ScheduleCancelAction(1700000000000) },
    };

    [Fact]
    public void An_order_encodes_its_fields_in_the_exchange_order()
    {
        var action = new OrderAction([new HyperliquidOrder(4, true, 1670.1m, 0.0147m, false, HyperliquidOrderType.Limit(TimeInForce.Ioc))]);

        var expected = Bytes(
            0x83, Str("type"), Str("order"),
            Str("orders"), 0x91, 0x86,
            Str("a"), 0x04, Str("b"), 0xc3, Str("p"), Str("1670.1"), Str("s"), Str("0.0147"), Str("r"), 0xc2,
            Str("t"), 0x81, Str("limit"), 0x81, Str("tif"), Str("Ioc"),
            Str("grouping"), Str("na"));
        Assert.Equal(Hex.Encode(expected), Hex.Encode(L1ActionEncoding.ToMessagePack(action)));
    }

    [Fact]
    public void Large_integers_use_the_same_msgpack_width_as_the_official_sdk()
    {
        var packed = L1ActionEncoding.ToMessagePack(new DummyAction(HyperliquidNumbers.ToHashingInteger(1000m)));
        Assert.Equal(Hex.Encode(Bytes(0x82, Str("type"), Str("dummy"), Str("num"), 0xcf, 0x00, 0x00, 0x00, 0x17, 0x48, 0x76, 0xe8, 0x00)), Hex.Encode(packed));

        var small = L1ActionEncoding.ToMessagePack(new CancelAction([new CancelRequest(200, 70000)]));
        Assert.Contains(Hex.Encode(Bytes(Str("a"), 0xcc, 0xc8, Str("o"), 0xce, 0x00, 0x01, 0x11, 0x70), prefix: false), Hex.Encode(small), StringComparison.Ordinal);
    }

    [Fact]
    public void The_signing_payload_appends_nonce_vault_flag_and_expiry()
    {
        var action = new ScheduleCancelAction();
        var packed = L1ActionEncoding.ToMessagePack(action);
        var vault = Convert.FromHexString("1719884eb866cb12b2287399b15f7db5e7d775ea");

        var withoutVault = Payload(action, 0x0102030405060708, [], null);
        Assert.Equal([.. packed, 1, 2, 3, 4, 5, 6, 7, 8, 0x00], withoutVault);

        var withVault = Payload(action, 1, vault, 0x0a0b);
        Assert.Equal([.. packed, 0, 0, 0, 0, 0, 0, 0, 1, 0x01, .. vault, 0x00, 0, 0, 0, 0, 0, 0, 0x0a, 0x0b], withVault);
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void The_posted_json_is_the_signed_msgpack_and_the_exchange_recovers_the_signer(string name, L1Action action)
    {
        using var key = EthereumKey.Generate();
        var body = HyperliquidExchangeClient.BuildL1Request(key, action, 1700000000123, HyperliquidNetwork.Mainnet, null);

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var reencoded = CanonicalActionEncoder.Encode(root.GetProperty("action"));
        Assert.True(L1ActionEncoding.ToMessagePack(action).AsSpan().SequenceEqual(reencoded), name);
        Assert.Equal(1700000000123, root.GetProperty("nonce").GetInt64());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("vaultAddress").ValueKind);

        var signature = root.GetProperty("signature");
        var parsed = new EcdsaSignature(
            Hex.DecodeFixed(signature.GetProperty("r").GetString()!, 32),
            Hex.DecodeFixed(signature.GetProperty("s").GetString()!, 32),
            signature.GetProperty("v").GetInt32() - 27);
        Assert.Equal(key.Address, HyperliquidSigner.RecoverL1Signer(action, 1700000000123, HyperliquidNetwork.Mainnet, parsed));
        Assert.NotEqual(key.Address, HyperliquidSigner.RecoverL1Signer(action, 1700000000123, HyperliquidNetwork.Testnet, parsed));
        Assert.NotEqual(key.Address, HyperliquidSigner.RecoverL1Signer(action, 1700000000124, HyperliquidNetwork.Mainnet, parsed));
    }

    [Fact]
    public void Reordering_order_fields_changes_the_connection_id()
    {
        var order = new OrderAction([new HyperliquidOrder(1, true, 100m, 100m, false, HyperliquidOrderType.Limit(TimeInForce.Gtc))]);
        var swapped = new SwappedOrderAction();

        Assert.NotEqual(
            Hex.Encode(HyperliquidSigner.ComputeConnectionId(order, 0)),
            Hex.Encode(HyperliquidSigner.ComputeConnectionId(swapped, 0)));
    }

    [Fact]
    public void Approve_agent_signs_an_empty_name_but_posts_no_name_field()
    {
        using var user = EthereumKey.Generate();
        using var agent = EthereumKey.Generate();
        var action = new ApproveAgentAction(agent.Address, null, 1732406400000);

        var signature = HyperliquidSigner.SignUserSignedAction(user, action, HyperliquidNetwork.Mainnet);

        Assert.Equal(user.Address, HyperliquidSigner.RecoverUserSigner(action, HyperliquidNetwork.Mainnet, signature));
        Assert.NotEqual(user.Address, HyperliquidSigner.RecoverUserSigner(action, HyperliquidNetwork.Testnet, signature));
        var named = new ApproveAgentAction(agent.Address, "bot", 1732406400000);
        Assert.NotEqual(user.Address, HyperliquidSigner.RecoverUserSigner(named, HyperliquidNetwork.Mainnet, signature));

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            action.WriteJson(writer, HyperliquidNetwork.Mainnet);
        }

        Assert.Equal(
            $$"""{"type":"approveAgent","agentAddress":"{{agent.Address}}","nonce":1732406400000,"signatureChainId":"0x66eee","hyperliquidChain":"Mainnet"}""",
            System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static byte[] Payload(L1Action action, long nonce, byte[] vault, long? expiresAfter)
    {
        var buffer = new ArrayBufferWriter<byte>();
        L1ActionEncoding.WriteSigningPayload(buffer, action, nonce, vault, expiresAfter);
        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] Str(string text) => [(byte)(0xa0 | text.Length), .. System.Text.Encoding.UTF8.GetBytes(text)];

    private static byte[] Bytes(params object[] parts) =>
        parts.SelectMany(p => p switch
        {
            byte[] bytes => bytes,
            int b => [(byte)b],
            _ => throw new ArgumentException("bad part"),
        }).ToArray();

    // The same order with "p" and "s" swapped: what a client that serialized a plain dictionary might send.
    private sealed class SwappedOrderAction : L1Action
    {
        public override string Type => "order";

        public override void WriteTo(ref MessagePack.MessagePackWriter writer)
        {
            writer.WriteMapHeader(3);
            writer.Write("type");
            writer.Write("order");
            writer.Write("orders");
            writer.WriteArrayHeader(1);
            writer.WriteMapHeader(6);
            writer.Write("a");
            writer.Write(1);
            writer.Write("b");
            writer.Write(true);
            writer.Write("s");
            writer.Write("100");
            writer.Write("p");
            writer.Write("100");
            writer.Write("r");
            writer.Write(false);
            writer.Write("t");
            writer.WriteMapHeader(1);
            writer.Write("limit");
            writer.WriteMapHeader(1);
            writer.Write("tif");
            writer.Write("Gtc");
            writer.Write("grouping");
            writer.Write("na");
        }
    }
}

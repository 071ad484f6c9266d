using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ethereum.Signing;
using Maxxit.Sdk.Ethereum.Transactions;
using Maxxit.Sdk.Ostium.Rpc;
using Maxxit.Sdk.Ostium.Tests.Fakes;

namespace Maxxit.Sdk.Ostium.Tests.Rpc;

public sealed class EthereumRpcClientTests : IAsyncLifetime
{
    private readonly FakeOstiumNode _node = new(chainId: 421614);
    private readonly HttpClient _http = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _node.DisposeAsync();
    }

    private EthereumRpcClient Client(int retries = 3) => new(_http, _node.RpcUrl, TimeProvider.System, retries, TimeSpan.FromMilliseconds(1));

    [Fact]
    public async Task Reads_chain_id_nonce_and_fee_data()
    {
        var client = Client();

        Assert.Equal(421614ul, await client.GetChainIdAsync(default));
        Assert.Equal(0ul, await client.GetTransactionCountAsync(OstiumTestKit.Agent, default));
        var fees = await client.GetFeeDataAsync(default);
        Assert.Equal(new System.Numerics.BigInteger(10_000_000), fees.BaseFeePerGas);
        Assert.Equal(System.Numerics.BigInteger.One, fees.MaxPriorityFeePerGas);
        Assert.Equal(new System.Numerics.BigInteger(20_000_001), fees.MaxFeePerGas(2m));
    }

    [Fact]
    public async Task Reads_are_retried_through_transport_failures()
    {
        _node.FailNextRequests = 2;

        Assert.Equal(421614ul, await Client().GetChainIdAsync(default));
        Assert.Equal(1, _node.Calls["eth_chainId"]);
        Assert.Equal(0, _node.FailNextRequests);
    }

    [Fact]
    public async Task Reads_give_up_with_a_transport_error_after_the_configured_retries()
    {
        _node.FailNextRequests = 3;

        var error = await Assert.ThrowsAsync<RpcTransportException>(() => Client(retries: 2).GetChainIdAsync(default));

        Assert.Equal("eth_chainId", error.Method);
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _node.FailNextRequests);
    }

    [Fact]
    public async Task Sending_a_raw_transaction_is_never_retried_and_its_failure_is_not_a_venue_refusal()
    {
        _node.AllowedSenders.Add(OstiumTestKit.Agent);
        _node.FailNextRequests = 1;
        var raw = Signed(nonce: 0);

        var error = await Assert.ThrowsAsync<RpcTransportException>(() => Client().SendRawTransactionAsync(raw, default));

        Assert.IsNotType<VenueException>(error, exactMatch: false);
        Assert.Equal(0, _node.SendCount);
        Assert.Empty(_node.Received);
    }

    [Fact]
    public async Task A_node_refusal_is_a_typed_json_rpc_error_with_code_and_hint()
    {
        _node.AllowedSenders.Add(OstiumTestKit.Agent);
        var client = Client();
        await client.SendRawTransactionAsync(Signed(nonce: 0), default);

        var error = await Assert.ThrowsAsync<JsonRpcException>(() => client.SendRawTransactionAsync(Signed(nonce: 0, value: 2), default));

        Assert.Equal(-32000, error.Code);
        Assert.Equal("nonce too low", error.RpcMessage);
        Assert.Equal("eth_sendRawTransaction", error.Method);
        Assert.NotNull(error.Hint);
        Assert.Equal(Venue.Ostium, error.Venue);
    }

    [Fact]
    public async Task Sent_transaction_hash_matches_ours_and_its_receipt_is_parsed()
    {
        _node.AllowedSenders.Add(OstiumTestKit.Agent);
        var client = Client();
        var raw = Signed(nonce: 0);

        var hash = await client.SendRawTransactionAsync(raw, default);
        var receipt = await client.WaitForReceiptAsync(hash, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(5), default);
        var tx = await client.GetTransactionAsync(hash, default);

        Assert.Equal(SignedTransaction.Decode(raw).HashHex(), hash);
        Assert.Equal(hash, receipt.TransactionHash);
        Assert.Equal(OstiumTestKit.Agent, tx!.From);
        Assert.Equal(0ul, tx.Nonce);
        Assert.Null(await client.GetTransactionReceiptAsync("0x" + new string('0', 64), default));
    }

    [Fact]
    public async Task Waiting_for_a_receipt_that_never_comes_times_out_with_the_hash()
    {
        var hash = "0x" + new string('e', 64);

        var error = await Assert.ThrowsAsync<TransactionPendingException>(() =>
            Client().WaitForReceiptAsync(hash, TimeSpan.FromMilliseconds(80), TimeSpan.FromMilliseconds(10), default));

        Assert.Equal(hash, error.TransactionHash);
        Assert.True(_node.Calls["eth_getTransactionReceipt"] >= 1);
        Assert.Contains(hash, error.Message, StringComparison.Ordinal);
    }

    private byte[] Signed(ulong nonce, int value = 1)
    {
        using var key = EthereumKey.FromHex(OstiumTestKit.AgentKeyHex);
        var tx = new Eip1559Transaction(_node.ChainId, nonce, 1, 20_000_001, 21_000, FakeOstiumNode.Usdc, value, Maxxit.Sdk.Ostium.Contracts.Erc20Contract.EncodeApprove(FakeOstiumNode.TradingStorage, 5));
        return tx.Sign(key).RawBytes.ToArray();
    }
}

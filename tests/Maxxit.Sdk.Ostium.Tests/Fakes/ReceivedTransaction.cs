using System.Numerics;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ethereum.Transactions;
using Maxxit.Sdk.Ostium.Contracts;

namespace Maxxit.Sdk.Ostium.Tests.Fakes;

/// <summary>A raw transaction the fake node accepted, decoded.</summary>
internal sealed record ReceivedTransaction
{
    public required SignedTransaction Signed { get; init; }

    public required EthereumAddress Sender { get; init; }

    public EthereumAddress? To { get; init; }

    public string Kind { get; init; } = "unknown";

    public EthereumAddress? DelegatedFor { get; init; }

    public OpenTradeCall? Open { get; init; }

    public CloseTradeMarketCall? Close { get; init; }

    public EthereumAddress? ApproveSpender { get; init; }

    public BigInteger ApproveAmount { get; init; }

    /// <summary>The order of an openTradeMarketTimeout / closeTradeMarketTimeout call.</summary>
    public BigInteger TimeoutOrderId { get; init; }
}

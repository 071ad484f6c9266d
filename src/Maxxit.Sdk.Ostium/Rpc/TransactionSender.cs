using System.Collections.Concurrent;
using System.Numerics;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ethereum.Signing;
using Maxxit.Sdk.Ethereum.Transactions;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.Logging;

namespace Maxxit.Sdk.Ostium.Rpc;

/// <summary>
/// Builds, signs and sends EIP-1559 transactions, then waits for the receipt. Sends from one address are serialised
/// in this process so that two orders never pick the same pending nonce.
/// </summary>
internal sealed class TransactionSender(EthereumRpcClient rpc, OstiumOptions options, ILogger logger)
{
    private readonly ConcurrentDictionary<EthereumAddress, SemaphoreSlim> _senders = new();

    /// <summary>
    /// Sends a call and waits for a successful receipt. The hash is recorded in <paramref name="journal"/> before the
    /// raw transaction leaves the process.
    /// </summary>
    public async Task<TransactionReceipt> SendAsync(EthereumKey key, EthereumAddress to, byte[] data, IOrderJournal? journal, string what, CancellationToken cancellationToken)
    {
        var gate = _senders.GetOrAdd(key.Address, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        string hash;
        try
        {
            var nonce = await rpc.GetTransactionCountAsync(key.Address, cancellationToken).ConfigureAwait(false);
            var fees = await rpc.GetFeeDataAsync(cancellationToken).ConfigureAwait(false);
            var estimate = await rpc.EstimateGasAsync(key.Address, to, data, cancellationToken).ConfigureAwait(false);
            var gasLimit = (ulong)(estimate * options.GasLimitMultiplier);
            var tx = new Eip1559Transaction(options.ChainId, nonce, fees.MaxPriorityFeePerGas, fees.MaxFeePerGas(options.BaseFeeMultiplier), gasLimit, to, BigInteger.Zero, data);
            var signed = tx.Sign(key);
            var raw = signed.RawBytes.ToArray();
            hash = signed.HashHex();
            if (journal is not null)
            {
                await journal.RecordSubmissionAsync(hash, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                var reported = await rpc.SendRawTransactionAsync(raw, cancellationToken).ConfigureAwait(false);
                if (!string.Equals(reported, hash, StringComparison.OrdinalIgnoreCase))
                {
                    logger.LogWarning("Node reported hash {Reported} for {What} transaction {Hash}", reported, what, hash);
                }
            }
            catch (JsonRpcException ex) when (ex.RpcMessage.Contains("already known", StringComparison.OrdinalIgnoreCase))
            {
                // The node already holds this exact transaction: it was broadcast, so wait for it like any other.
            }

            logger.LogInformation("Sent {What} transaction {Hash} from {Sender} nonce {Nonce}", what, hash, key.Address, nonce);
        }
        finally
        {
            gate.Release();
        }

        return await WaitAsync(hash, what, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits for a sent transaction's receipt; a reverted one is a <see cref="TransactionRevertedException"/>.</summary>
    public async Task<TransactionReceipt> WaitAsync(string hash, string what, CancellationToken cancellationToken)
    {
        var receipt = await rpc.WaitForReceiptAsync(hash, options.ReceiptTimeout, options.ReceiptPollInterval, cancellationToken).ConfigureAwait(false);
        return receipt.Succeeded ? receipt : throw new TransactionRevertedException(hash, what);
    }
}

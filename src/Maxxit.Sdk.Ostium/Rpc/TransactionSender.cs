using System.Collections.Concurrent;
using System.Numerics;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ethereum.Signing;
using Maxxit.Sdk.Ethereum.Transactions;
using Maxxit.Sdk.Ostium.Orders;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.Logging;

namespace Maxxit.Sdk.Ostium.Rpc;

/// <summary>
/// Builds, signs and sends EIP-1559 transactions, then waits for the receipt. Sends from one address are serialised
/// in this process so that two orders never pick the same pending nonce. Once a transaction is signed and journaled,
/// no error marks it refused while it may still be mined: those surface as <see cref="TransactionPendingException"/>
/// (not a <see cref="VenueException"/>), and <see cref="ResumeAsync"/> reads the fate from the chain.
/// </summary>
internal sealed class TransactionSender(EthereumRpcClient rpc, OstiumOptions options, ILogger logger)
{
    private readonly ConcurrentDictionary<EthereumAddress, SemaphoreSlim> _senders = new();

    /// <summary>
    /// Sends a call and waits for a successful receipt. <c>hash|raw</c> (see <see cref="OstiumSubmission"/>) is
    /// recorded in <paramref name="journal"/> before the raw transaction leaves the process.
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
                await journal.RecordSubmissionAsync(OstiumSubmission.Format(hash, raw), cancellationToken).ConfigureAwait(false);
            }

            await BroadcastAsync(hash, raw, key.Address, nonce, what, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Sent {What} transaction {Hash} from {Sender} nonce {Nonce}", what, hash, key.Address, nonce);
        }
        finally
        {
            gate.Release();
        }

        return await WaitAsync(hash, what, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Follows a journaled transaction: its receipt when mined; when the node does not know it, the journaled raw bytes
    /// are broadcast again (same hash, so it lands at most once) unless the sender's nonce has moved past it, in which
    /// case it can never be mined and the order was not placed.
    /// </summary>
    /// <exception cref="TransactionPendingException">Not mined yet (or not known and no raw bytes were journaled).</exception>
    /// <exception cref="TransactionNeverMinedException">The sender's nonce moved past it without it: it will never land.</exception>
    public async Task<TransactionReceipt> ResumeAsync(string journaled, string what, CancellationToken cancellationToken)
    {
        if (!OstiumSubmission.TryParse(journaled, out var hash, out var raw))
        {
            throw new VenueException(Venue.Ostium, $"the journaled submission '{Shorten(journaled)}' is not a transaction hash", "reconcile the position by hand");
        }

        if (await rpc.GetTransactionReceiptAsync(hash, cancellationToken).ConfigureAwait(false) is { } mined)
        {
            return mined.Succeeded ? mined : throw new TransactionRevertedException(hash, what);
        }

        if (await rpc.GetTransactionAsync(hash, cancellationToken).ConfigureAwait(false) is null)
        {
            if (raw is null)
            {
                // A hash-only journal: the bytes are gone, so only reconciliation can tell.
                logger.LogWarning("Journaled {What} transaction {Hash} is unknown to the node and its raw bytes were not journaled", what, hash);
                throw new TransactionPendingException(hash, TimeSpan.Zero);
            }

            var signed = SignedTransaction.Parse(Hex.Encode(raw));
            if (!string.Equals(signed.HashHex(), hash, StringComparison.OrdinalIgnoreCase))
            {
                throw new VenueException(Venue.Ostium, $"the journaled raw transaction does not hash to {hash}", "reconcile the position by hand");
            }

            await EnsureNotSupersededAsync(hash, signed.Sender, signed.Transaction.Nonce, cancellationToken).ConfigureAwait(false);
            logger.LogWarning("Journaled {What} transaction {Hash} is unknown to the node; broadcasting the journaled bytes again", what, hash);
            await BroadcastAsync(hash, raw, signed.Sender, signed.Transaction.Nonce, what, cancellationToken).ConfigureAwait(false);
        }

        return await WaitAsync(hash, what, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits for a sent transaction's receipt; a reverted one is a <see cref="TransactionRevertedException"/>.</summary>
    public async Task<TransactionReceipt> WaitAsync(string hash, string what, CancellationToken cancellationToken)
    {
        var receipt = await rpc.WaitForReceiptAsync(hash, options.ReceiptTimeout, options.ReceiptPollInterval, cancellationToken).ConfigureAwait(false);
        return receipt.Succeeded ? receipt : throw new TransactionRevertedException(hash, what);
    }

    private async Task BroadcastAsync(string hash, byte[] raw, EthereumAddress sender, ulong nonce, string what, CancellationToken cancellationToken)
    {
        try
        {
            var reported = await rpc.SendRawTransactionAsync(raw, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(reported, hash, StringComparison.OrdinalIgnoreCase))
            {
                logger.LogWarning("Node reported hash {Reported} for {What} transaction {Hash}", reported, what, hash);
            }
        }
        catch (JsonRpcException ex) when (IsAlreadyKnown(ex.RpcMessage))
        {
            // The node already holds this exact transaction: it was broadcast, so wait for it like any other.
        }
        catch (JsonRpcException ex) when (MayStillLand(ex.RpcMessage))
        {
            // "nonce too low" / "replacement underpriced": this transaction (or another with its nonce) is already in
            // flight. Ours may be the one that lands, so it is never reported as refused: the chain decides.
            logger.LogWarning("Node answered {What} transaction {Hash} with '{Message}'; its fate is read from the chain", what, hash, ex.RpcMessage);
            if (await rpc.GetTransactionAsync(hash, cancellationToken).ConfigureAwait(false) is null)
            {
                await EnsureNotSupersededAsync(hash, sender, nonce, cancellationToken).ConfigureAwait(false);
                throw new TransactionPendingException(hash, TimeSpan.Zero, ex.RpcMessage);
            }
        }
    }

    // Mined nonces only move forward: once the sender's latest nonce is past ours without our receipt, ours is dead.
    private async Task EnsureNotSupersededAsync(string hash, EthereumAddress sender, ulong nonce, CancellationToken cancellationToken)
    {
        var mined = await rpc.GetTransactionCountAsync(sender, cancellationToken, "latest").ConfigureAwait(false);
        if (mined > nonce && await rpc.GetTransactionReceiptAsync(hash, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new TransactionNeverMinedException(hash, sender, nonce);
        }
    }

    private static bool IsAlreadyKnown(string message) =>
        message.Contains("already known", StringComparison.OrdinalIgnoreCase) || message.Contains("known transaction", StringComparison.OrdinalIgnoreCase);

    private static bool MayStillLand(string message) =>
        message.Contains("nonce too low", StringComparison.OrdinalIgnoreCase)
        || message.Contains("underpriced", StringComparison.OrdinalIgnoreCase)
        || message.Contains("already imported", StringComparison.OrdinalIgnoreCase);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}

namespace Maxxit.Sdk.Security;

/// <summary>What one rotation pass did, counted per (deployment, venue) agent key.</summary>
/// <param name="Rotated">Keys re-encrypted under the current master key (legacy keys are also bound to their owner).</param>
/// <param name="AlreadyCurrent">Keys already under the current master key.</param>
/// <param name="Undecryptable">Keys no configured master key decrypts for their owner (left as they are; see the log).</param>
/// <param name="Changed">Keys replaced by someone else during the pass (left to the next pass).</param>
public sealed record AgentKeyRotationResult(int Rotated, int AlreadyCurrent, int Undecryptable, int Changed)
{
    /// <summary>Whether every stored key is now under the current master key, so previous master keys can be retired.</summary>
    public bool Complete => Undecryptable == 0 && Changed == 0;
}

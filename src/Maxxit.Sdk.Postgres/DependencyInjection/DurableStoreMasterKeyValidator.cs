using Maxxit.Sdk;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Postgres.DependencyInjection;

/// <summary>
/// A durable store outlives the process, so agent keys must be encrypted under a master key that does too: the random
/// per-process key of the embedded default would leave every stored key undecryptable after a restart.
/// </summary>
internal sealed class DurableStoreMasterKeyValidator : IValidateOptions<MaxxitOptions>
{
    public ValidateOptionsResult Validate(string? name, MaxxitOptions options) =>
        string.IsNullOrEmpty(options.MasterKey)
            ? ValidateOptionsResult.Fail($"{nameof(MaxxitOptions.MasterKey)}: required with a durable store (UsePostgres); set base64 of 32 bytes, e.g. from Maxxit__MasterKey (the samples also take --master-key)")
            : ValidateOptionsResult.Success;
}

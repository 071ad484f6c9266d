using Maxxit.Sample.Api;
using Maxxit.Sample.Api.Cli;

// `encrypt-key` turns a private key (read from stdin) into the encrypted triple that deploy accepts; anything else runs the API.
if (args.Length > 0 && args[0] == EncryptKeyCommand.Name)
{
    return EncryptKeyCommand.Run(args[1..], Console.In, Console.Out, Console.Error);
}

// `rotate-keys` re-encrypts every stored agent key under the current master key (see docs/security.md).
if (args.Length > 0 && args[0] == RotateKeysCommand.Name)
{
    return await RotateKeysCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

try
{
    var app = ApiHost.Build(args);
    await app.RunAsync();
    return 0;
}
catch (ApiStartupException ex)
{
    await Console.Error.WriteLineAsync($"maxxit-api: {ex.Message}");
    return 2;
}

using MessagePack;
using Maxxit.Sdk.Hyperliquid.Signing;

namespace Maxxit.Sdk.Hyperliquid.Tests.Signing;

// Actions used only by the official SDK's signing vectors; each writes its fields in the vector's dict order.
internal sealed class DummyAction(Int128 num) : L1Action
{
    public override string Type => "dummy";

    public override void WriteTo(ref MessagePackWriter writer)
    {
        writer.WriteMapHeader(2);
        writer.Write("type");
        writer.Write(Type);
        writer.Write("num");
        writer.Write((ulong)num);
    }
}

internal sealed class CreateSubAccountAction(string name) : L1Action
{
    public override string Type => "createSubAccount";

    public override void WriteTo(ref MessagePackWriter writer)
    {
        writer.WriteMapHeader(2);
        writer.Write("type");
        writer.Write(Type);
        writer.Write("name");
        writer.Write(name);
    }
}

internal sealed class SubAccountTransferAction(string subAccountUser, bool isDeposit, long usd) : L1Action
{
    public override string Type => "subAccountTransfer";

    public override void WriteTo(ref MessagePackWriter writer)
    {
        writer.WriteMapHeader(4);
        writer.Write("type");
        writer.Write(Type);
        writer.Write("subAccountUser");
        writer.Write(subAccountUser);
        writer.Write("isDeposit");
        writer.Write(isDeposit);
        writer.Write("usd");
        writer.Write(usd);
    }
}

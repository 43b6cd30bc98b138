extern alias generator;

using System;
using LaneSplit = generator::NegLR.Generator.Emit.LaneSplit;

namespace NegLR.Generator.Tests.Emit;

/// <summary>
/// The 128-bit rewrite of a tile method, statement by statement, on a method written as the tile writer writes them
/// (the end-to-end check, that both widths give the same bits, is in <c>TiledPathsTests</c>): a constant whose two halves
/// are equal is one register read by both halves, the named shuffles map to their 128-bit forms, and anything that would
/// break the sharing drops the twins instead of writing wrong code.
/// </summary>
public class LaneSplitTests
{
    private static string Rewrite(params string[] body) =>
        LaneSplit.Method("private static void __F0(ref double s, ref double cos, ref double sin)\n{\n" + string.Join("\n", body) + "\n}\n", "__F0", "__F0_128");

    [Fact]
    public void BroadcastConstant_IsOneRegister_ReadByBothHalves()
    {
        string text = Rewrite("var m0 = __V.Create(c0); p0 = __V.FusedMultiplyAdd(m0, p0, m0 * p1);");
        Assert.Contains("var m0 = __V2.Create(c0);", text, StringComparison.Ordinal);
        Assert.DoesNotContain("m0_", text, StringComparison.Ordinal);
        Assert.Contains("p0_0 = __V2.FusedMultiplyAdd(m0, p0_0, m0 * p1_0); p0_1 = __V2.FusedMultiplyAdd(m0, p0_1, m0 * p1_1);", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ConstantWithEqualHalves_IsShared_AndOneWithDifferentHalves_IsTwo()
    {
        string text = Rewrite("var m0 = __V.Create(-s0, s0, -s0, s0); var m1 = __V.Create(s0, s0, -s0, -s0); p0 = m0 * m1;");
        Assert.Contains("var m0 = __V2.Create(-s0, s0);", text, StringComparison.Ordinal);
        Assert.Contains("var m1_0 = __V2.Create(s0, s0); var m1_1 = __V2.Create(-s0, -s0);", text, StringComparison.Ordinal);
        Assert.Contains("p0_0 = m0 * m1_0; p0_1 = m0 * m1_1;", text, StringComparison.Ordinal);
    }

    [Fact]
    public void NamedShuffles_MapToTheir128BitForms()
    {
        string text = Rewrite("p0 = __F.SwapReIm(p1) + __F.Re(p2) * __F.Im(p3) - __F.SwapHalves(p4);");
        Assert.Contains("p0_0 = __F.SwapReIm(p1_0) + __F.Re(p2_0) * __F.Im(p3_0) - p4_1;", text, StringComparison.Ordinal);
        Assert.Contains("p0_1 = __F.SwapReIm(p1_1) + __F.Re(p2_1) * __F.Im(p3_1) - p4_0;", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("var m0 = __V.Create(c0); m0 = p0;")]
    [InlineData("var m0 = __V.Create(c0); (m0, p0) = (p0, m0);")]
    [InlineData("p0 = __F.Shuffle(p1);")]
    [InlineData("p0 = __F.SwapReIm(p1, p2);")]
    public void StatementThatCannotBeSplit_Throws(string statement)
    {
        // The emitter turns this into a file without twins (the per-step path on 128-bit machines), never wrong code.
        var e = Assert.Throws<InvalidOperationException>(() => Rewrite(statement));
        Assert.Contains("bug in the NegLR generator", e.Message, StringComparison.Ordinal);
    }
}

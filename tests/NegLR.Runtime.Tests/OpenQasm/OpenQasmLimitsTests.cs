using System.Linq;
using System.Text;
using static NegLR.Tests.OpenQasmTestSupport;

namespace NegLR.Tests;

/// <summary>Hostile or runaway programs end in a <see cref="QasmException"/>, never a stack overflow or exhausted memory.</summary>
public class OpenQasmLimitsTests
{
    private const string H = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\n";

    [Fact]
    public void DeeplyParenthesisedExpression_IsRejected()
    {
        // Nesting level k starts at the k-th '(' after "rx(", i.e. column 3 + k; level 501 is one too many.
        string source = H + "rx(" + new string('(', 600) + "1" + new string(')', 600) + ") q[0];";
        AssertError(source, 4, 504, "nested more than 500 levels deep");
    }

    [Fact]
    public void LongOperatorChain_IsRejectedAtTheOperatorThatMakesItTooDeep()
    {
        // "1+1+…": the k-th '+' sits at column 3 + 2k and makes a tree k + 1 deep.
        string source = H + "rx(" + string.Join("+", Enumerable.Repeat("1", 600)) + ") q[0];";
        AssertError(source, 4, 1003, "nested more than 500 levels deep");
    }

    [Fact]
    public void ModeratelyNestedExpression_IsFine()
    {
        string source = H + "rx(" + new string('(', 400) + "1" + new string(')', 400) + "+" + string.Join("+", Enumerable.Repeat("0", 400)) + ") q[0];";
        Assert.Equal(1.0, OpenQasm.Parse(source).Circuit.Gates[0].Angles[0].Offset);
    }

    [Fact]
    public void GateDefinitionsNestedTooDeeply_AreRejectedAtTheApplication()
    {
        var sb = new StringBuilder(H).Append("gate g0 a { x a; }\n");
        for (int k = 1; k <= 1000; k++)
        {
            sb.Append("gate g").Append(k).Append(" a { g").Append(k - 1).Append(" a; }\n");
        }

        sb.Append("g999 q[0];\ng1000 q[0];\n");

        // g999 is exactly at the limit and still expands; g1000 is one level too deep.
        AssertError(sb.ToString(), 1006, 1, "nested more than 1000 levels deep");
    }

    [Fact]
    public void ExponentialExpansion_IsStoppedByTheGateBudget()
    {
        var sb = new StringBuilder(H).Append("gate g0 a { x a; x a; }\n");
        for (int k = 1; k <= 40; k++)
        {
            sb.Append("gate g").Append(k).Append(" a { g").Append(k - 1).Append(" a; g").Append(k - 1).Append(" a; }\n");
        }

        sb.Append("g40 q[0];\n");
        AssertError(
            sb.ToString(), new QasmImportOptions { MaxGates = 1000 }, 45, 1,
            "applying gate 'g40' here expands to 2,199,023,255,552 gates", "import limit of 1,000 gates", "QasmImportOptions.MaxGates");
    }
}

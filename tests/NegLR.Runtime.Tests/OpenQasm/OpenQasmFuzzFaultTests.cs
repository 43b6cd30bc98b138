using System;
using System.Linq;
using System.Text;
using static NegLR.Tests.OpenQasmTestSupport;

namespace NegLR.Tests;

/// <summary>
/// The import faults a fuzz run found, each with a clear expected outcome: an expansion bomb is refused before any work
/// (checked through what the import allocates, not through time), and long '+' chains and gates with tens of
/// thousands of parameters cost linear memory and time (checked through allocation ratios between sizes; their
/// speed is in benchmarks/NegLR.Benchmarks/QasmImportBenchmarks.cs).
/// </summary>
public class OpenQasmFuzzFaultTests
{
    private const string H = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\n";

    /// <summary>gate g0 a { x a; x a; } and g_k = two g_(k−1): g_levels expands to 2^(levels+1) gates.</summary>
    private static string Doubling(int levels, string leaf = "x a; x a;")
    {
        var sb = new StringBuilder(H).Append("gate g0 a { ").Append(leaf).Append(" }\n");
        for (int k = 1; k <= levels; k++)
        {
            sb.Append("gate g").Append(k).Append(" a { g").Append(k - 1).Append(" a; g").Append(k - 1).Append(" a; }\n");
        }

        return sb.Append("g").Append(levels).Append(" q[0];\n").ToString();
    }

    /// <summary>Bytes the current thread allocates while <paramref name="action"/> runs (least of three runs).</summary>
    private static long Allocated(Action action)
    {
        long least = long.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            action();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }

    [Fact]
    public void ExpansionBomb_IsRefusedBeforeExpanding_WithTheLimitAndHowToRaiseIt()
    {
        // 2^41 gates asked for by ~1 KB of text; the fuzz run's version allocated 1.05 GB before the old check tripped.
        string source = Doubling(40);
        var ex = AssertError(
            source, 45, 1, "applying gate 'g40' here expands to 2,199,023,255,552 gates", "import limit of 4,000,000 gates",
            "QasmImportOptions.MaxGates", "MaxGates = ...");
        Assert.Null(ex.InnerException);

        // Refused up front: the import allocates what parsing 45 lines needs, nowhere near one gate per gate.
        long bytes = Allocated(() => Assert.Throws<QasmException>(() => OpenQasm.Parse(source)));
        Assert.True(bytes < 2_000_000, FormattableString.Invariant($"the refused import allocated {bytes:N0} bytes"));
    }

    [Fact]
    public void ExpansionBomb_JustUnderTheLimit_Expands()
    {
        // 2^11 = 2,048 gates with a limit of exactly 2,048 + 2 (the two gates before it).
        string source = H + "x q[1];\nx q[1];\n" + Doubling(10)[H.Length..];
        var program = OpenQasm.Parse(source, new QasmImportOptions { MaxGates = 2_050 });
        Assert.Equal(2_050, program.Circuit.Gates.Count);
        AssertError(source, new QasmImportOptions { MaxGates = 2_049 }, 17, 1, "with the 2 before it is more than the import limit of 2,049 gates");
    }

    [Fact]
    public void BombOfEmptyGates_IsRefusedByTheWorkLimit()
    {
        // g0 has an empty body: 2^40 applications that emit nothing would still take forever to walk.
        string source = Doubling(40, leaf: string.Empty);
        AssertError(source, 45, 1, "applying gate 'g40' here takes", "expansion steps", "16 per gate of QasmImportOptions.MaxGates");
    }

    [Fact]
    public void BroadcastMultipliesTheCount_BeforeExpanding()
    {
        // 2^9 = 512 gates per qubit, broadcast over 4 qubits: 2,048 > 2,000.
        string source = Doubling(8).Replace("qreg q[2];", "qreg q[4];", StringComparison.Ordinal).Replace("g8 q[0];", "g8 q;", StringComparison.Ordinal);
        AssertError(source, new QasmImportOptions { MaxGates = 2_000 }, 13, 1, "expands to 2,048 gates");
    }

    [Fact]
    public void MaxGates_BelowOne_IsAnArgumentError()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new QasmImportOptions { MaxGates = 0 });
        Assert.Equal("value", ex.ParamName);
    }

    /// <summary>A program of <paramref name="statements"/> gates, each with a '+' chain of <paramref name="terms"/> terms.</summary>
    private static string PlusChains(int statements, int terms)
    {
        string chain = string.Join("+", Enumerable.Repeat("0.001", terms));
        var sb = new StringBuilder(H);
        for (int i = 0; i < statements; i++)
        {
            sb.Append("rx(").Append(chain).Append(") q[0];\n");
        }

        return sb.ToString();
    }

    [Fact]
    public void LongPlusChains_CostLinearMemory()
    {
        // The same total text in long or short chains: a node no longer copies its whole subexpression's text (which made
        // a chain of n terms hold O(n²) characters), so memory follows the number of terms, not their square.
        long shortChains = Allocated(() => OpenQasm.Parse(PlusChains(statements: 160, terms: 30)));
        long longChains = Allocated(() => OpenQasm.Parse(PlusChains(statements: 10, terms: 480)));
        Assert.True(
            longChains < 2 * shortChains,
            FormattableString.Invariant($"480-term chains allocated {longChains:N0} bytes, 30-term chains {shortChains:N0} for the same text"));

        double value = OpenQasm.Parse(PlusChains(1, 480)).Circuit.Gates[0].Angles[0].Offset;
        Assert.Equal(0.48, value, 12);
    }

    /// <summary>gate g(p0, …, p_(n−1)) a { rx(p_(n−1)) a; } applied once with n parameters.</summary>
    private static string ManyParameters(int n, string? duplicateLast = null)
    {
        var names = Enumerable.Range(0, n).Select(i => "p" + i).ToArray();
        if (duplicateLast is not null)
        {
            names[^1] = duplicateLast;
        }

        string values = string.Join(",", Enumerable.Range(0, n).Select(i => i == n - 1 ? "0.25" : "0"));
        return H + "gate g(" + string.Join(",", names) + ") a { rx(" + names[^1] + ") a; }\ng(" + values + ") q[0];\n";
    }

    [Fact]
    public void GateWithTensOfThousandsOfParameters_IsImportedWithLinearMemory()
    {
        // The fuzz run's 27,558-parameter gate took 2.85 s in pairwise name checks; names are now hashed.
        var program = OpenQasm.Parse(ManyParameters(30_000));
        Assert.Equal(0.25, program.Circuit.Gates.Single().Angles[0].Offset);

        long small = Allocated(() => OpenQasm.Parse(ManyParameters(7_500)));
        long large = Allocated(() => OpenQasm.Parse(ManyParameters(30_000)));
        Assert.True(
            large < 6 * small,
            FormattableString.Invariant($"4x the parameters allocated {(double)large / small:F1}x the memory ({large:N0} vs {small:N0} bytes)"));
    }

    [Fact]
    public void GateWithTensOfThousandsOfParameters_DuplicateAtTheEnd_IsFoundWhereItIs()
    {
        string source = ManyParameters(30_000, duplicateLast: "p7");
        var ex = Assert.Throws<QasmException>(() => OpenQasm.Parse(source));
        Assert.Contains("parameter 'p7' of gate 'g' is declared twice", ex.Message, StringComparison.Ordinal);
        Assert.Equal(4, ex.Line);
    }

    [Fact]
    public void UnknownIdentifier_InAHugeGate_ListsTheFirstParametersOnly()
    {
        string source = H + "gate g(" + string.Join(",", Enumerable.Range(0, 1000).Select(i => "p" + i)) + ") a { rx(zz) a; }\n";
        var ex = Assert.Throws<QasmException>(() => OpenQasm.Parse(source));
        Assert.Contains("has parameters p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, ... (1000 in all)", ex.Message, StringComparison.Ordinal);
    }
}

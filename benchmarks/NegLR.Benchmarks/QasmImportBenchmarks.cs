using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace NegLR.Benchmarks;

/// <summary>
/// OpenQASM import on the inputs a fuzz run found quadratic, at sizes a factor of 4 apart: linear code takes about 4x
/// as long (and allocates 4x as much) at each step up, quadratic code 16x. "plus-chain": Size / 8 statements
/// rx(1+1+…+1) of 480 terms each (0.8 MB and 3.2 MB of text); "parameters": a gate with Size parameters, defined and
/// applied once.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class QasmImportBenchmarks
{
    private string _program = string.Empty;

    [Params("plus-chain", "parameters")]
    public string Input { get; set; } = "plus-chain";

    [Params(7_000, 28_000)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        const string Header = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\n";
        if (Input == "plus-chain")
        {
            // Size / 8 statements, each a chain of 480 terms: the text grows with Size, the chain length does not.
            string chain = string.Join("+", Enumerable.Repeat("1", 480));
            var sb = new StringBuilder(Header);
            for (int i = 0; i < Size / 8; i++)
            {
                sb.Append("rx(").Append(chain).Append(") q[0];\n");
            }

            _program = sb.ToString();
        }
        else
        {
            var names = Enumerable.Range(0, Size).Select(i => "p" + i).ToArray();
            _program = Header + "gate g(" + string.Join(",", names) + ") a { rx(" + names[^1] + ") a; }\ng("
                + string.Join(",", Enumerable.Repeat("0", Size)) + ") q[0];\n";
        }
    }

    [Benchmark]
    public int Import() => OpenQasm.Parse(_program).Circuit.Gates.Count;
}

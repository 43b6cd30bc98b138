extern alias generator;

using System.Linq;
using System.Threading;
using generator::NegLR.Generator.Parsing;
using Microsoft.CodeAnalysis;
using NegLR.Generator.Tests.Infrastructure;
using static NegLR.Generator.Tests.Parsing.ReaderHarness;

namespace NegLR.Generator.Tests.Parsing;

/// <summary>Every problem kind, with the exact source text it is reported at.</summary>
public sealed class ReaderProblemTests
{
    [Theory]
    [InlineData("static void Build(Circuit c, int n) { }", "(Circuit c, int n)")]
    [InlineData("static void Build(int c) { }", "(int c)")]
    [InlineData("static void Build(ref Circuit c) { }", "(ref Circuit c)")]
    [InlineData("static void Build() { }", "()")]
    [InlineData("void Build(Circuit c) { }", "Build")]
    [InlineData("static int Build(Circuit c) => 0;", "Build")]
    [InlineData("static void Build<T>(Circuit c) { }", "Build")]
    [InlineData("static async void Build(Circuit c) { await System.Threading.Tasks.Task.Yield(); }", "Build")]
    [InlineData("static extern void Build(Circuit c);", "Build")]
    public void InvalidSignature_IsReportedAtTheNameOrParameters(string method, string at)
    {
        var source = $$"""
            using NegLR;
            public class Subject
            {
                [Circuit]
                {{method}}
            }
            """;

        AssertSingleProblem(Read(source, qubits: 2), BodyProblemKind.InvalidSignature, at);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    public void QubitCountOutOfRange_IsReportedAtTheMethod(int qubits)
    {
        var problem = AssertSingleProblem(Read(Body("c.H(0);"), qubits), BodyProblemKind.InvalidGateArgument, "Build");
        Assert.Contains("1 to 30 qubits", problem.Message);
    }

    [Theory]
    [InlineData("int i = 0; while (i < 3) { c.H(0); i++; }", "while (i < 3) { c.H(0); i++; }", "'while' loops are not supported in a [Circuit] body; use a 'for' loop with constant bounds.")]
    [InlineData("int i = 0; do { c.H(0); i++; } while (i < 3);", "do { c.H(0); i++; } while (i < 3);", "'do' loops")]
    [InlineData("again: c.H(0); goto again;", "goto again;", "'goto' is not supported")]
    [InlineData("try { c.H(0); } catch { }", "try { c.H(0); } catch { }", "'try' statements")]
    [InlineData("throw new InvalidOperationException();", "throw new InvalidOperationException();", "'throw'")]
    [InlineData("switch (Config.Layers) { case 3: c.H(0); break; }", "switch (Config.Layers) { case 3: c.H(0); break; }", "'switch' statements")]
    [InlineData("void Local() { } Local();", "void Local() { }", "Local functions are not supported")]
    [InlineData("Func<int, int> f = q => q + 1;", "q => q + 1", "Lambdas are not supported")]
    [InlineData("var f = (int q) => q + 1;", "(int q) => q + 1", "Lambdas are not supported")]
    [InlineData("object boxed = 1;", "boxed = 1", "Values of type 'object'")]
    [InlineData("var t = c.H(0).ToString();", "ToString()", "'Circuit.ToString' is not supported")]
    [InlineData("if (c == null) c.H(0);", "c == null", "not supported")]
    [InlineData("long big = 5;", "big = 5", "Values of type 'long'")]
    [InlineData("float f = 1.5f;", "f = 1.5f", "Values of type 'float'")]
    [InlineData("var name = $\"q{1}\";", "$\"q{1}\"", "String interpolation is not supported")]
    [InlineData("var n = Config.Layers is 3 ? 1 : 0;", "Config.Layers is 3", "Patterns are not supported")]
    [InlineData("c.Append(new Circuit(2));", "Append(new Circuit(2))", "'Circuit.Append' is not supported")]
    [InlineData("var d = c.Draw();", "Draw()", "'Circuit.Draw' is not supported")]
    [InlineData("var g = c.Gates;", "c.Gates", "'Circuit.Gates' is not supported")]
    [InlineData("unsafe { c.H(0); }", "unsafe { c.H(0); }", "'unsafe' code")]
    [InlineData("int[] qs = [0, 1];", "[0, 1]", "Collection expressions are not supported")]
    [InlineData("c?.H(0);", "c?.H(0)", "'?.' is not supported")]
    [InlineData("lock (c) { c.H(0); }", "lock (c) { c.H(0); }", "'lock' statements")]
    [InlineData("var m = new int[2, 2];", "new int[2, 2]", "Values of type 'int[*,*]'")]
    [InlineData("var e = (0, 1); e.Item1 = 2;", "e.Item1", "Assigning to field 'Item1'")]
    [InlineData("var v = c.H(0) switch { _ => 1 };", "c.H(0) switch { _ => 1 }", "'switch' expressions")]
    [InlineData("foreach (var ch in \"abc\") { }", "\"abc\"", "'foreach' over 'string'")]
    [InlineData("int[] a = { 1, 2 }; var b = a[1..];", "1..", "Ranges are not supported")]
    [InlineData("int[] a = { 1, 2 }; c.H(a[^1]);", "^1", "'^' indices")]
    [InlineData("var s = \"X\"; s = s + \"Y\";", "s + \"Y\"", "Building strings")]
    public void UnsupportedConstruct_IsReportedAtTheConstruct(string statements, string at, string message)
    {
        var problem = AssertSingleProblem(Read(Body(statements), qubits: 2), BodyProblemKind.UnsupportedConstruct, at);
        Assert.Contains(message, problem.Message);
    }

    [Fact]
    public void FieldAssignment_IsUnsupported()
    {
        const string source = """
            using NegLR;
            public static class Subject
            {
                static int counter;

                [Circuit]
                static void Build(Circuit c)
                {
                    counter = 3;
                    c.H(0);
                }
            }
            """;

        var problem = AssertSingleProblem(Read(source, qubits: 1), BodyProblemKind.UnsupportedConstruct, "counter");
        Assert.Contains("Assigning to field 'counter'", problem.Message);
    }

    [Fact]
    public void LinqQuery_IsUnsupported()
    {
        var source = "using System.Linq;\n" + Body("var qs = from q in new[] { 0, 1 } select q;");

        var problem = AssertSingleProblem(Read(source, qubits: 2), BodyProblemKind.UnsupportedConstruct, "from q in new[] { 0, 1 } select q");
        Assert.Contains("LINQ queries are not supported", problem.Message);
    }

    [Theory]
    [InlineData("c.H(Config.Dynamic);", "Config.Dynamic", "field 'Config.Dynamic'")]
    [InlineData("c.RY(0, DateTime.Now.Second);", "DateTime.Now.Second", "property 'DateTime.Second'")]
    [InlineData("int cores = Environment.ProcessorCount;", "Environment.ProcessorCount", "property 'Environment.ProcessorCount'")]
    [InlineData("if (Config.Wires.Length > 1) c.H(0);", "Config.Wires", "field 'Config.Wires'")]
    public void NonConstantValue_IsReportedAtTheValue(string statements, string at, string what)
    {
        var problem = AssertSingleProblem(Read(Body(statements), qubits: 2), BodyProblemKind.NonConstantValue, at);
        Assert.Contains(what, problem.Message);
    }

    [Theory]
    [InlineData("for (int i = 0; i < Config.Dynamic; i++) c.H(0);", "i < Config.Dynamic")]
    [InlineData("for (int i = 0; i < Config.Count() && i < Config.Dynamic; i++) c.H(0);", "i < Config.Count() && i < Config.Dynamic")]
    [InlineData("foreach (var q in Config.Wires) c.H(q);", "Config.Wires")]
    [InlineData("for (int i = 0; i < 2; i++) for (int j = 0; j < Environment.TickCount; j++) c.H(0);", "j < Environment.TickCount")]
    public void NonConstantLoopBound_IsReportedOnceAtTheBound(string statements, string at)
    {
        var problem = AssertSingleProblem(Read(Body(statements), qubits: 2), BodyProblemKind.NonConstantLoopBound, at);
        Assert.Contains("not known at compile time", problem.Message);
    }

    [Theory]
    [InlineData("Console.WriteLine(\"hi\");", "Console.WriteLine(\"hi\")", "method 'Console.WriteLine'")]
    [InlineData("int n = Config.Count();", "Config.Count()", "method 'Config.Count'")]
    [InlineData("var r = new Random(42);", "new Random(42)", "constructor 'new System.Random(…)'")]
    [InlineData("c.RY(0, Math.Clamp(2.0, 0, 1));", "Math.Clamp(2.0, 0, 1)", "method 'Math.Clamp'")]
    [InlineData("c.RY(0, MathF.Sin(1f));", "MathF.Sin(1f)", "method 'MathF.Sin'")]
    public void UnknownCall_NamesTheMethod(string statements, string at, string what)
    {
        var problem = AssertSingleProblem(Read(Body(statements), qubits: 2), BodyProblemKind.UnknownCall, at);
        Assert.Contains(what, problem.Message);
        Assert.Contains("only calls on the Circuit parameter and Math functions are allowed", problem.Message);
    }

    [Theory]
    [InlineData("c.H(4);", "4", "H acts on qubit 4, but this circuit has qubits 0 to 3.")]
    [InlineData("c.H(0).CNOT(1, 2).CNOT(3, 3);", "3", "CNOT names qubit 3 twice; a gate's qubits must all differ.")]
    [InlineData("c.CNOT(0, 7);", "7", "CNOT acts on qubit 7")]
    [InlineData("c.RY(qubit: -1, theta: 0.5);", "qubit: -1", "RY acts on qubit -1")]
    [InlineData("c.RY(0, double.NaN);", "double.NaN", "An angle must be a finite number, but got NaN.")]
    [InlineData("c.RY(0, Math.Sqrt(-1));", "Math.Sqrt(-1)", "An angle must be a finite number")]
    [InlineData("c.RY(0, c.Weight() * double.PositiveInfinity);", "c.Weight() * double.PositiveInfinity", "An angle must be a finite number")]
    [InlineData("c.RY(0, c.Weight() / 0);", "c.Weight() / 0", "An angle cannot be divided by zero.")]
    [InlineData("c.MultiRZ(0.5, 0, 9);", "9", "MultiRZ acts on qubit 9")]
    [InlineData("c.MultiRZ(0.5, new[] { 1, 8 });", "8", "MultiRZ acts on qubit 8")]
    [InlineData("c.MultiRZ(0.5);", "MultiRZ(0.5)", "MultiRZ needs at least one qubit.")]
    [InlineData("c.PauliRot(0.5, \"XQ\", 0, 1);", "\"XQ\"", "may only contain I, X, Y and Z")]
    [InlineData("c.AngleEmbedding(features: 9);", "features: 9", "AngleEmbedding encodes 1 to 4 features")]
    [InlineData("c.HardwareEfficient(0);", "0", "A template needs at least one layer.")]
    [InlineData("c.QaoaMaxCut(new[] { (1, 1) }, 1);", "new[] { (1, 1) }", "self-loop")]
    [InlineData("c.RY(0, c.Weight(-1));", "-1", "A weight index must be 0 or more.")]
    [InlineData("c.Rotate((Rotation)7, 0, 0.5);", "(Rotation)7", "The rotation axis must be X, Y or Z.")]
    [InlineData("int z = 0; c.H(1 / z);", "1 / z", "would throw at run time: it divides an int by zero")]
    [InlineData("int z = 0; c.H(1 % z);", "1 % z", "divides an int by zero")]
    [InlineData("int big = int.MaxValue; c.H(checked(big + 1));", "big + 1", "overflows")]
    [InlineData("Angle[] thetas = new Angle[2]; c.RY(0, thetas[1] * double.NaN);", "thetas[1] * double.NaN", "An angle must be a finite number")]
    [InlineData("int[] a = { 0, 1 }; c.H(a[2]);", "a[2]", "index 2 is outside an array of length 2")]
    [InlineData("int n = -1; var a = new int[n];", "new int[n]", "negative length (-1)")]
    [InlineData("c.RY(0, Math.Round(1.5, 20));", "Math.Round(1.5, 20)", "would throw")]
    [InlineData("string word = null; c.PauliRot(0.5, word, 0);", "word", "'word' must not be null.")]
    [InlineData("c.RX(0, 1 / 0.0);", "1 / 0.0", "An angle must be a finite number, but got Infinity.")]
    [InlineData("checked { int b = int.MaxValue; b++; }", "b++", "overflows")]
    public void InvalidGateArgument_IsReportedAtTheArgument(string statements, string at, string message)
    {
        var problem = AssertSingleProblem(Read(Body(statements), qubits: 4), BodyProblemKind.InvalidGateArgument, at);
        Assert.Contains(message, problem.Message);
        Assert.DoesNotContain("Parameter", problem.Message);
        Assert.DoesNotContain("Actual value", problem.Message);
    }

    [Fact]
    public void RepeatedQubit_IsReportedAtTheSecondUse()
    {
        var source = Body("c.H(0).CNOT(3, 3);");

        var problem = Assert.Single(Read(source, qubits: 4).Problems);

        Assert.Equal(source.IndexOf("CNOT(3, 3)", System.StringComparison.Ordinal) + "CNOT(3, ".Length, problem.Location.SourceSpan.Start);
    }

    [Fact]
    public void InvalidGateArgumentInALoop_IsReportedOncePerCallSite()
    {
        var result = Read(Body("""
            for (int q = 0; q < 4; q++)
            {
                c.CNOT(q, q + 1);
                c.H(q + 2);
            }
            """), qubits: 4);

        Assert.Null(result.Circuit);
        Assert.Equal(new[] { "q + 1", "q + 2" }, result.Problems.Select(LocatedText));
        Assert.All(result.Problems, p => Assert.Equal(BodyProblemKind.InvalidGateArgument, p.Kind));
    }

    [Fact]
    public void IndependentProblems_AreAllReportedInSourceOrder()
    {
        var result = Read(Body("""
            int i = 0;
            while (i < 2) i++;
            Console.WriteLine("x");
            c.H(Config.Dynamic);
            for (int k = 0; k < 1000; k++) { do { } while (false); }
            c.H(99);
            """), qubits: 2);

        Assert.Null(result.Circuit);
        Assert.Equal(
            new[] { BodyProblemKind.UnsupportedConstruct, BodyProblemKind.UnknownCall, BodyProblemKind.NonConstantValue, BodyProblemKind.UnsupportedConstruct },
            result.Problems.Select(p => p.Kind));
    }

    [Fact]
    public void UnsupportedConstructInsideALoop_IsReportedOnce()
    {
        var result = Read(Body("for (int q = 0; q < 1000; q++) { try { c.H(0); } finally { } }"), qubits: 2);

        Assert.Single(result.Problems);
    }

    [Theory]
    [InlineData("c.H(0")]
    [InlineData("c.H(0) c.X(1);")]
    [InlineData("for (int i = 0; i < 3; i++ c.H(i);")]
    [InlineData("c.Nope(1);")]
    [InlineData("c.H(undefined);")]
    [InlineData("int x = 2.5;")]
    [InlineData("c.RY(0, \"text\");")]
    [InlineData("{{{{")]
    public void MalformedCode_IsAProblemNotAnException(string statements)
    {
        var result = Read(Body(statements), qubits: 2);

        Assert.False(result.Succeeded);
        Assert.Null(result.Circuit);
        Assert.All(result.Problems, p => Assert.True(p.Location.IsInSource));
    }

    [Fact]
    public void WarningsAsErrors_DoNotStopTheRead()
    {
        // Under TreatWarningsAsErrors an unused local is an error, but it does not change what the body records.
        var compilation = TestCompilation.Create(Body("int unused; c.H(0);"));
        compilation = compilation.WithOptions(compilation.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Error));
        var method = FindCircuitMethod(compilation);

        var result = CircuitBodyReader.Read(method, compilation.GetSemanticModel(method.SyntaxTree), 1, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Select(Describe)));
    }

    [Fact]
    public void DeeplyNestedExpression_IsAProblemNotAStackOverflow()
    {
        var deep = string.Concat(Enumerable.Repeat("(q + ", 400)) + "q" + new string(')', 400);
        var result = Read(Body($"int q = 1; c.RZ(0, {deep});"), qubits: 1);

        Assert.False(result.Succeeded);
        Assert.Contains("nested more than", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void Cancellation_Propagates()
    {
        using var cancelled = new System.Threading.CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<System.OperationCanceledException>(() =>
            Read(Body("for (int i = 0; i < 1000000; i++) c.I(0);"), qubits: 1, cancellationToken: cancelled.Token));
    }
}

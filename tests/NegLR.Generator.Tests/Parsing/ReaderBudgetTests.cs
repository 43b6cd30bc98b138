extern alias generator;

using System;
using System.Diagnostics;
using System.Threading;
using generator::NegLR.Generator.Parsing;
using NegLR.Generator.Tests.Infrastructure;
using static NegLR.Generator.Tests.Parsing.ReaderHarness;

namespace NegLR.Generator.Tests.Parsing;

/// <summary>Runs the timing-sensitive tests alone, so other tests compiling in parallel do not eat into their time.</summary>
[CollectionDefinition(nameof(ReaderBudgetTests), DisableParallelization = true)]
public sealed class ReaderBudgetCollection;

/// <summary>The gate and step budgets: huge or endless bodies end quickly with a problem at the loop or call at fault.</summary>
[Collection(nameof(ReaderBudgetTests))]
public sealed class ReaderBudgetTests
{
    [Fact]
    public void StepBudget_StopsAHugeLoopQuicklyAtItsHeader()
    {
        var (result, elapsed) = TimedRead(Body("int sum = 0; for (int i = 0; i < 1000000000; i++) { sum += i; }"), qubits: 2);

        var problem = AssertSingleProblem(result, BodyProblemKind.BudgetExceeded, "for (int i = 0; i < 1000000000; i++)");
        Assert.Contains("2,000,000 steps", problem.Message);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"Took {elapsed.TotalMilliseconds} ms.");
    }

    [Fact]
    public void StepBudget_StopsAnEndlessLoop()
    {
        var result = Read(Body("for (;;) { }"), qubits: 1);

        AssertSingleProblem(result, BodyProblemKind.BudgetExceeded, "for (;;)");
    }

    [Fact]
    public void StepBudget_IsReportedAtTheInnermostLoop()
    {
        var result = Read(Body("for (int i = 0; i < 10; i++) foreach (var q in new[] { 0, 1 }) for (int j = 0; j < 100; j++) c.H(q);"),
            qubits: 2, gateBudget: int.MaxValue, stepBudget: 500);

        AssertSingleProblem(result, BodyProblemKind.BudgetExceeded, "for (int j = 0; j < 100; j++)");
    }

    [Fact]
    public void StepBudget_CountsArrayAllocation()
    {
        var (result, elapsed) = TimedRead(Body("var huge = new double[int.MaxValue];"), qubits: 1);

        AssertSingleProblem(result, BodyProblemKind.BudgetExceeded, "new double[int.MaxValue]");
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"Took {elapsed.TotalMilliseconds} ms.");
    }

    [Fact]
    public void GateBudget_StopsAtTheCallThatCrossesIt()
    {
        var result = Read(Body("for (int i = 0; i < 100; i++) c.H(0).X(1);"), qubits: 2, gateBudget: 50);

        // 25 rounds record 50 gates; the 26th H is one too many.
        var problem = AssertSingleProblem(result, BodyProblemKind.BudgetExceeded, "H(0)");
        Assert.Contains("more than 50 gates", problem.Message);
    }

    [Fact]
    public void GateBudget_IsCheckedBeforeAHugeTemplateRuns()
    {
        var (result, elapsed) = TimedRead(Body("c.H(0); c.HardwareEfficient(1_000_000_000);"), qubits: 30);

        AssertSingleProblem(result, BodyProblemKind.BudgetExceeded, "HardwareEfficient(1_000_000_000)");
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"Took {elapsed.TotalMilliseconds} ms.");
    }

    [Fact]
    public void GateBudget_AllowsExactlyTheBudget()
    {
        var result = Read(Body("for (int i = 0; i < 50; i++) c.H(0);"), qubits: 1, gateBudget: 50);

        Assert.True(result.Succeeded);
        Assert.Equal(50, result.Circuit!.Gates.Count);
    }

    [Fact]
    public void StepBudget_CountsTheGatesDepthWalks()
    {
        // Depth walks every gate: read in a loop over a growing circuit it would take quadratic time without the charge.
        var (result, elapsed) = TimedRead(Body("for (int i = 0; i < 19000; i++) c.RZ(0, c.Depth);"), qubits: 1);

        AssertSingleProblem(result, BodyProblemKind.BudgetExceeded, "for (int i = 0; i < 19000; i++)");
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"Took {elapsed.TotalMilliseconds} ms.");
    }

    [Fact]
    public void GateBudget_DoesNotHideATemplatesOwnArgumentCheck()
    {
        var result = Read(Body("c.AngleEmbedding(1_000_000_000);"), qubits: 4);

        AssertSingleProblem(result, BodyProblemKind.InvalidGateArgument, "1_000_000_000");
    }

    [Fact]
    public void Cancellation_DuringARun_Propagates()
    {
        var compilation = TestCompilation.Create(Body("for (;;) { c.I(0); }"));
        var method = FindCircuitMethod(compilation);
        var model = compilation.GetSemanticModel(method.SyntaxTree);
        model.GetDiagnostics();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));

        // The gate budget would stop this after 20,000 gates; a huge budget leaves only cancellation to end it.
        Assert.ThrowsAny<OperationCanceledException>(() =>
            CircuitBodyReader.Read(method, model, 1, cancellation.Token, gateBudget: int.MaxValue, stepBudget: int.MaxValue));
    }

    /// <summary>Times the reader alone: the compilation is built and bound first, as the compiler has done before a generator runs.</summary>
    private static (BodyReadResult Result, TimeSpan Elapsed) TimedRead(string source, int qubits)
    {
        var compilation = TestCompilation.Create(source);
        var method = FindCircuitMethod(compilation);
        var model = compilation.GetSemanticModel(method.SyntaxTree);
        model.GetDiagnostics();
        var watch = Stopwatch.StartNew();
        var result = CircuitBodyReader.Read(method, model, qubits, CancellationToken.None);
        return (result, watch.Elapsed);
    }
}

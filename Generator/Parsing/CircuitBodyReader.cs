using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NegLR.Generator.Parsing;

/// <summary>
/// Turns a <c>[Circuit]</c> method body into the circuit it records, at compile time. The one reader of circuit bodies:
/// the generator uses the circuit, the analyzers report the problems at their locations. It never throws (except on
/// cancellation) and never hangs: work is bounded by a nesting bound, a gate budget and a step budget.
/// </summary>
/// <remarks>
/// Two halves. <see cref="Lower"/> needs the compiler: the signature, a check of the body's operation tree that reports
/// every construct outside the subset (<see cref="BodyChecker"/>), and the lowering of the tree into a value-equal
/// <see cref="BodyModel"/>. <see cref="Run(BodyModel, int, CancellationToken, int, int)"/> needs nothing but the model:
/// it runs the body on the generator's linked <see cref="Circuit"/> (<see cref="BodyRunner"/>), so templates, weight
/// numbering and argument checks are the ones the same body meets at run time. The generator lowers in its cheap,
/// cached pipeline step and runs downstream; the analyzers do both at once through <see cref="Read"/>.
/// </remarks>
internal static class CircuitBodyReader
{
    /// <summary>Most gates a body may record: beyond this a circuit is too large to be worth generating code for.</summary>
    public const int DefaultGateBudget = 20_000;

    /// <summary>Most steps (evaluated operations and loop iterations) a body may take, so a huge or endless loop ends quickly.</summary>
    public const int DefaultStepBudget = 2_000_000;

    /// <summary>
    /// Deepest syntax the reader follows (nodes from the body down): far beyond any real body, and far short of the
    /// depth at which the compiler's own recursion over the body would overflow a 1 MiB thread stack.
    /// </summary>
    public const int MaxSyntaxDepth = 400;

    /// <summary>Reads <paramref name="method"/>'s body into a circuit on <paramref name="qubits"/> qubits, with every problem at its location.</summary>
    /// <param name="checkCompilerErrors">
    /// Ask the compiler for the method's errors first (the default) and stop with one problem if there are any. The
    /// analyzers pass false to skip that second binding on the common, clean path: a body with compiler errors then
    /// shows up as problems (invalid operations, unreadable values), and they ask the compiler only in that case.
    /// </param>
    public static BodyReadResult Read(MethodDeclarationSyntax method, SemanticModel model, int qubits, CancellationToken cancellationToken,
        int gateBudget = DefaultGateBudget, int stepBudget = DefaultStepBudget, bool checkCompilerErrors = true)
    {
        var problems = new List<BodyProblem>();
        var sites = new BodySites();
        var operations = new List<IOperation>();
        Circuit? circuit = null;
        int steps = 0, recordedGates = 0;
        try
        {
            if (Prepare(method, model, checkCompilerErrors, problems, cancellationToken) is { } body && CreateCircuit(method, qubits, problems) is { } created)
            {
                var lowered = BodyLowering.Lower(body, operations, cancellationToken);
                var runProblems = new List<RunProblem>();
                steps = BodyRunner.Run(lowered, created, gateBudget, stepBudget, runProblems, sites,
                    n => UnsupportedConstructs.Snippet(operations[n].Syntax), cancellationToken);
                recordedGates = created.Gates.Count;
                problems.AddRange(runProblems.Select(p => Locate(p, operations)));
                circuit = problems.Count == 0 ? created : null;
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            // A bug in the reader must not take the compiler down: it becomes one problem on the method.
            problems.Add(new BodyProblem(BodyProblemKind.UnsupportedConstruct,
                $"The NegLR circuit reader failed on this body ({exception.GetType().Name}: {exception.Message}); please report this as a NegLR bug.",
                method.Identifier.GetLocation()));
        }

        // Source order: the checker finds problems in that order, the runner in execution order (a later line can fail first).
        var gateSites = ImmutableArray<Location>.Empty;
        var weightSites = ImmutableArray<Location?>.Empty;
        if (circuit is not null)
        {
            var locations = new Dictionary<int, Location>();
            Location At(int node) => locations.TryGetValue(node, out var l) ? l : locations[node] = BodyLocations.CallSite(operations[node]);
            gateSites = sites.Gates.Select(At).ToImmutableArray();
            weightSites = Enumerable.Range(0, circuit.WeightCount).Select(k => sites.WeightSite(k) is var n and >= 0 ? At(n) : null).ToImmutableArray();
        }

        return new BodyReadResult(circuit, problems.OrderBy(p => p.Location.SourceSpan.Start).ToImmutableArray(), gateSites, weightSites, steps, recordedGates);
    }

    /// <summary>
    /// The half that needs the compiler: the body as a <see cref="BodyModel"/>, or why it cannot be read (the first
    /// problem in source order, the sentence the generator's stub repeats; the analyzers report every one in place).
    /// </summary>
    public static (BodyModel? Model, string? Failure) Lower(MethodDeclarationSyntax method, SemanticModel model, CancellationToken cancellationToken)
    {
        var problems = new List<BodyProblem>();
        try
        {
            if (Prepare(method, model, checkCompilerErrors: false, problems, cancellationToken) is { } body)
            {
                return (BodyLowering.Lower(body, null, cancellationToken), null);
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            return (null, $"the NegLR circuit reader failed on its [Circuit] body ({exception.GetType().Name}); please report this as a NegLR bug.");
        }

        // A body with compiler errors reads as invalid operations: the compiler's own error is the one to fix.
        string reason = method.ContainsDiagnostics || problems.Count == 0
            ? "its [Circuit] method does not compile."
            : problems.OrderBy(p => p.Location.SourceSpan.Start).First().Message;
        return (null, reason);
    }

    /// <summary>
    /// The half that needs only the model: runs it on <paramref name="qubits"/> qubits. Problems have no source location
    /// here; the first one (in the order the run met them) is the failure.
    /// </summary>
    public static (Circuit? Circuit, string? Failure) Run(BodyModel model, int qubits, CancellationToken cancellationToken,
        int gateBudget = DefaultGateBudget, int stepBudget = DefaultStepBudget)
    {
        Circuit circuit;
        try
        {
            circuit = new Circuit(qubits);
        }
        catch (ArgumentException exception)
        {
            return (null, $"The ansatz declares {qubits.ToString(CultureInfo.InvariantCulture)} qubits: {ExceptionText.Clean(exception)}");
        }

        var problems = new List<RunProblem>();
        try
        {
            BodyRunner.Run(model, circuit, gateBudget, stepBudget, problems, new BodySites(), snippet: null, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            return (null, $"the NegLR circuit reader failed on its [Circuit] body ({exception.GetType().Name}); please report this as a NegLR bug.");
        }

        return problems.Count == 0 ? (circuit, null) : (null, problems[0].Message);
    }

    /// <summary>The signature, nesting and construct checks; the body's operation when they all pass.</summary>
    private static IOperation? Prepare(MethodDeclarationSyntax method, SemanticModel model, bool checkCompilerErrors, List<BodyProblem> problems,
        CancellationToken cancellationToken)
    {
        // Before the compiler is asked anything about the body: its own recursion over a very deep body could exhaust the stack.
        if (TooDeep(method, cancellationToken) is { } deep)
        {
            problems.Add(new BodyProblem(BodyProblemKind.UnsupportedConstruct,
                $"This code is nested more than {MaxSyntaxDepth.ToString(CultureInfo.InvariantCulture)} syntax levels deep, " +
                "which a [Circuit] body does not support; split it into simpler statements.",
                deep.GetLocation()));
            return null;
        }

        if (model.GetDeclaredSymbol(method, cancellationToken) is not IMethodSymbol symbol
            || CircuitSignature.Check(method, symbol, problems) is not { } circuitParameter)
        {
            if (problems.Count == 0)
            {
                problems.Add(new BodyProblem(BodyProblemKind.InvalidSignature, "The [Circuit] method could not be resolved.", method.Identifier.GetLocation()));
            }

            return null;
        }

        // Code that does not compile has no meaning to run; the compiler reports the error itself, this is its echo.
        // Warnings promoted to errors (an unused local) do not change what the body means, so they do not stop the read.
        if (checkCompilerErrors && model.GetDiagnostics(method.Span, cancellationToken).FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error && !d.IsWarningAsError) is { } error)
        {
            problems.Add(new BodyProblem(BodyProblemKind.UnsupportedConstruct,
                $"The [Circuit] method does not compile, so its circuit cannot be read: {error.GetMessage(CultureInfo.InvariantCulture)}",
                error.Location, BodyProblemDetail.DoesNotCompile));
            return null;
        }

        if (model.GetOperation(method, cancellationToken) is not IMethodBodyOperation { } operation
            || (operation.BlockBody ?? operation.ExpressionBody) is not { } body)
        {
            problems.Add(new BodyProblem(BodyProblemKind.InvalidSignature, "The [Circuit] method has no body to read.", method.Identifier.GetLocation()));
            return null;
        }

        int before = problems.Count;
        BodyChecker.Check(body, circuitParameter, problems, cancellationToken);
        return problems.Count == before ? body : null;
    }

    /// <summary>The first syntax node deeper than <see cref="MaxSyntaxDepth"/> below the method's body, found without recursion.</summary>
    internal static SyntaxNode? TooDeep(MethodDeclarationSyntax method, CancellationToken cancellationToken)
    {
        SyntaxNode? root = (SyntaxNode?)method.Body ?? method.ExpressionBody;
        if (root is null)
        {
            return null;
        }

        var stack = new Stack<(SyntaxNode Node, int Depth)>();
        stack.Push((root, 0));
        int visited = 0;
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > MaxSyntaxDepth)
            {
                return node;
            }

            if (++visited % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            foreach (var child in node.ChildNodes())
            {
                stack.Push((child, depth + 1));
            }
        }

        return null;
    }

    private static Circuit? CreateCircuit(MethodDeclarationSyntax method, int qubits, List<BodyProblem> problems)
    {
        try
        {
            return new Circuit(qubits);
        }
        catch (ArgumentException exception)
        {
            problems.Add(new BodyProblem(BodyProblemKind.InvalidGateArgument,
                $"The ansatz declares {qubits.ToString(CultureInfo.InvariantCulture)} qubits: {ExceptionText.Clean(exception)}", method.Identifier.GetLocation()));
            return null;
        }
    }

    /// <summary>A runner problem at its source location, through the operation each node was lowered from.</summary>
    internal static BodyProblem Locate(RunProblem problem, List<IOperation> operations)
    {
        var op = operations[problem.Node];
        var location = problem.Site switch
        {
            RunProblemSite.CallSite => BodyLocations.CallSite(op),
            RunProblemSite.LoopHeader => BodyLocations.LoopHeader(op),
            _ => op.Syntax.GetLocation(),
        };

        return new BodyProblem(problem.Kind, problem.Message, location, problem.Detail);
    }
}

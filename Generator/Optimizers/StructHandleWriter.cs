using NegLR.Generator.Emit;
using NegLR.Generator.Optimizers.Model;

namespace NegLR.Generator.Optimizers;

/// <summary>
/// The public face of a struct optimizer: one reference to its state class and readonly members forwarding to it. A
/// copy of the struct is the same optimizer; <c>default(T)</c> has no state and says so. Through generics constrained
/// to the interface the calls are direct (no boxing, no virtual dispatch).
/// </summary>
internal static class StructHandleWriter
{
    /// <param name="sharesTypeWithAnsatz">Whether the type is also an [Ansatz] (see <see cref="OptimizerMembers.ClashesWithAnsatz"/>).</param>
    public static void Write(CodeWriter w, OptimizerSettings settings, string typeName, bool sharesTypeWithAnsatz)
    {
        w.Line("// The state lives in __Core; this struct only holds a reference to it.");
        w.Line("private readonly __Core? __core;");
        w.Line();
        w.Line("/// <summary>Creates the optimizer for <paramref name=\"parameterCount\"/> parameters, in its initial state.</summary>");
        w.Line("/// <param name=\"parameterCount\">Number of parameters, 0 or more.</param>");
        using (w.Block("public " + typeName + "(int parameterCount)"))
        {
            w.Line("__core = new __Core(parameterCount);");
        }

        w.Line();
        w.Line("private readonly __Core __Self => __core ?? throw " + OptimizerEmitter.Support + ".NotCreated(" + Literals.String(typeName) + ");");
        foreach (var m in OptimizerMembers.For(settings))
        {
            w.Line();
            w.Line(m.Doc);
            string declaration = sharesTypeWithAnsatz && OptimizerMembers.ClashesWithAnsatz(m)
                ? OptimizerMembers.ExplicitDeclaration(m, "readonly ")
                : OptimizerMembers.Declaration(m, "public readonly ");
            w.Line(declaration + " => __Self." + m.Name + (m.Parameters is null ? "" : "(" + m.Arguments + ")") + ";");
        }
    }
}

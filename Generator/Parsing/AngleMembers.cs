using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace NegLR.Generator.Parsing;

/// <summary>
/// <c>Angle</c>'s operators and pure methods, by name and parameter kinds, calling the linked <c>Angle</c> so that affine
/// angles (<c>2 * c.Weight() + Math.PI</c>) fold exactly as they do at run time. Instance methods get the receiver first.
/// </summary>
internal static class AngleMembers
{
    private static readonly Dictionary<string, Func<BodyValue[], BodyValue>> Members = new(StringComparer.Ordinal)
    {
        ["op_Multiply(Angle,Double)"] = a => A(a[0].AsAngle() * a[1].AsDouble()),
        ["op_Multiply(Double,Angle)"] = a => A(a[0].AsDouble() * a[1].AsAngle()),
        ["op_Division(Angle,Double)"] = a => A(a[0].AsAngle() / a[1].AsDouble()),
        ["op_Addition(Angle,Double)"] = a => A(a[0].AsAngle() + a[1].AsDouble()),
        ["op_Addition(Double,Angle)"] = a => A(a[0].AsDouble() + a[1].AsAngle()),
        ["op_Subtraction(Angle,Double)"] = a => A(a[0].AsAngle() - a[1].AsDouble()),
        ["op_Subtraction(Double,Angle)"] = a => A(a[0].AsDouble() - a[1].AsAngle()),
        ["op_UnaryNegation(Angle)"] = a => A(-a[0].AsAngle()),
        ["op_Equality(Angle,Angle)"] = a => BodyValue.Of(a[0].AsAngle() == a[1].AsAngle()),
        ["op_Inequality(Angle,Angle)"] = a => BodyValue.Of(a[0].AsAngle() != a[1].AsAngle()),
        ["Multiply(Double)"] = a => A(a[0].AsAngle().Multiply(a[1].AsDouble())),
        ["Add(Double)"] = a => A(a[0].AsAngle().Add(a[1].AsDouble())),
        ["Constant(Double)"] = a => A(Angle.Constant(a[0].AsDouble())),
    };

    /// <summary>The member <paramref name="method"/> names, if it is a known operator or pure method of <c>Angle</c>.</summary>
    public static Func<BodyValue[], BodyValue>? Find(IMethodSymbol method) => Key(method) is { } key ? Members[key] : null;

    /// <summary>The member with <paramref name="key"/> (as <see cref="Key"/> makes it), if there is one.</summary>
    public static Func<BodyValue[], BodyValue>? Find(string key) => Members.TryGetValue(key, out var f) ? f : null;

    /// <summary>The table key of <paramref name="method"/>, such as <c>op_Multiply(Angle,Double)</c>, when it is a known member.</summary>
    public static string? Key(IMethodSymbol method)
    {
        if (!KnownTypes.IsAngle(method.ContainingType))
        {
            return null;
        }

        var key = method.Name + "(";
        for (int i = 0; i < method.Parameters.Length; i++)
        {
            key += (i == 0 ? "" : ",") + BodyTypes.Classify(method.Parameters[i].Type);
        }

        key += ")";
        return Members.ContainsKey(key) ? key : null;
    }

    private static BodyValue A(Angle value) => BodyValue.Of(value);
}

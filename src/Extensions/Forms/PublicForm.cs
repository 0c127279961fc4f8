using System.Net.Mail;

namespace Spcncl.Forms;

// The rules of the site's public forms (a buyer's enquiry, a comment on an announcement, an event registration):
// each field checked on the server, each problem a code the page turns into a message next to the field, in the
// visitor's language (Form.Error.{code} in the dictionary). What was typed is always given back with the messages.

/// <summary>The longest value each kind of field takes (the database columns follow them).</summary>
public static class FormLimits
{
    public const int Name = 100;
    public const int Organisation = 150;
    public const int Email = 254;
    public const int Phone = 30;
    public const int Note = 1000;
    public const int LongText = 4000;
}

/// <summary>The problems a field can have; each has a message <c>Form.Error.{code}</c> in the dictionary.</summary>
public static class FormErrors
{
    public const string Required = nameof(Required);
    public const string TooLong = nameof(TooLong);
    public const string Characters = nameof(Characters);
    public const string Email = nameof(Email);
    public const string Phone = nameof(Phone);
    public const string Number = nameof(Number);

    /// <summary>The form's token had expired (a page left open for days, cookies blocked): nothing was done.</summary>
    public const string Expired = nameof(Expired);

    /// <summary>The deadline passed while the form was open: nothing was stored.</summary>
    public const string Closed = nameof(Closed);

    public static readonly IReadOnlyList<string> All = [Required, TooLong, Characters, Email, Phone, Number, Expired, Closed];

    /// <summary>The key of an error about the whole form rather than one field.</summary>
    public const string FormLevel = "";
}

public enum FieldKind
{
    Text,
    MultiLine,
    Email,
    Phone,
    Number,
}

/// <param name="Min">For numbers: the smallest value taken.</param>
/// <param name="Max">For numbers: the largest value taken.</param>
public sealed record FieldRule(string Field, bool Required, int MaxLength, FieldKind Kind = FieldKind.Text, int Min = 0, int Max = int.MaxValue);

public static class FormValidator
{
    /// <summary>Field name → error code for every field that breaks its rule; empty when the form can be accepted.</summary>
    public static IReadOnlyDictionary<string, string> Validate(IEnumerable<FieldRule> rules, Func<string, string?> valueOf)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            var text = valueOf(rule.Field)?.Trim() ?? "";
            if (text.Length == 0)
            {
                if (rule.Required)
                {
                    errors[rule.Field] = FormErrors.Required;
                }

                continue;
            }

            if (text.Length > rule.MaxLength)
            {
                errors[rule.Field] = FormErrors.TooLong;
            }
            else if (rule.Kind != FieldKind.Email && text.Any(c => char.IsControl(c) && !(rule.Kind == FieldKind.MultiLine && c is '\n' or '\r' or '\t')))
            {
                errors[rule.Field] = FormErrors.Characters;
            }
            else if (rule.Kind == FieldKind.Email && !IsEmail(text))
            {
                errors[rule.Field] = FormErrors.Email;
            }
            else if (rule.Kind == FieldKind.Phone && !IsPhone(text))
            {
                errors[rule.Field] = FormErrors.Phone;
            }
            else if (rule.Kind == FieldKind.Number && !(int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= rule.Min && number <= rule.Max))
            {
                errors[rule.Field] = FormErrors.Number;
            }
        }

        return errors;
    }

    /// <summary>An address a mail server would take: one mailbox, a dot in the domain, nothing around it.</summary>
    public static bool IsEmail(string text) =>
        text.Length <= FormLimits.Email && !text.Any(char.IsControl) && MailAddress.TryCreate(text, out var address) && address.Address == text && text.Contains('.', StringComparison.Ordinal);

    /// <summary>Digits, spaces, +, (, ), . and - with at least six digits.</summary>
    public static bool IsPhone(string text) =>
        text.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '.' or '-') && text.Count(char.IsAsciiDigit) >= 6;
}

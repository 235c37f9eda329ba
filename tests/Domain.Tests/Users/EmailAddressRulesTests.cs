using ChatbotOrleans.Grains.Users;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Users;

public sealed class EmailAddressRulesTests
{
    [Theory]
    [InlineData("ana@example.com", "ana@example.com")]
    [InlineData("Ana.Silva@Example.COM", "ana.silva@example.com")]
    [InlineData("  ana@example.com\t\n", "ana@example.com")]
    [InlineData(" ANA@EXAMPLE.COM ", "ana@example.com")]
    public void An_address_is_normalised_to_lower_case_without_surrounding_whitespace(string typed, string expected)
    {
        EmailAddressRules.Normalize(typed).ShouldBe((expected, null));
    }

    [Theory]
    [InlineData("ana+chatbot@example.com")]
    [InlineData("ana@mail.eu.example.co.uk")]
    [InlineData("first.last-name_1@sub-domain.example.org")]
    [InlineData("a@b.io")]
    public void Plus_addressing_subdomains_and_ordinary_punctuation_are_accepted(string typed)
    {
        EmailAddressRules.Normalize(typed).ShouldBe((typed, null));
    }

    [Fact]
    public void A_local_part_of_64_characters_is_accepted()
    {
        var typed = new string('a', 64) + "@example.com";

        EmailAddressRules.Normalize(typed).ShouldBe((typed, null));
    }

    [Fact]
    public void An_address_of_the_maximum_length_is_accepted()
    {
        var typed = OfLength(EmailAddressRules.MaxLength);

        EmailAddressRules.Normalize(typed).ShouldBe((typed, null));
    }

    [Fact]
    public void An_address_one_character_over_the_maximum_is_rejected_as_too_long()
    {
        var typed = OfLength(EmailAddressRules.MaxLength + 1);
        typed.Length.ShouldBe(255);

        var (address, error) = EmailAddressRules.Normalize(typed);

        address.ShouldBeNull();
        error.ShouldNotBeNull();
        error.ShouldContain("too long");
        error.ShouldContain("254");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void An_empty_address_is_rejected(string? typed)
    {
        var (address, error) = EmailAddressRules.Normalize(typed);

        address.ShouldBeNull();
        error.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("ana")]
    [InlineData("ana.example.com")]
    [InlineData("@example.com")]
    [InlineData("ana@")]
    [InlineData("ana@@example.com")]
    [InlineData("Ana <ana@example.com>")]
    [InlineData("<ana@example.com>")]
    [InlineData("\"Ana\" <ana@example.com>")]
    [InlineData("ana@example.com (Ana)")]
    [InlineData("ana@example.com, bruno@example.com")]
    [InlineData("ana silva@example.com")]
    [InlineData("ana@exa mple.com")]
    [InlineData("ana\u0000@example.com")]
    [InlineData("ana\u001B@example.com")]
    [InlineData("ana@example.com\u007F")]
    [InlineData("<script>@x.com")]
    [InlineData("<script>alert(1)</script>@example.com")]
    [InlineData("ana@<b>example</b>.com")]
    [InlineData("\"quoted\"@example.com")]
    [InlineData("back\\slash@example.com")]
    [InlineData("ana;drop@example.com")]
    [InlineData("ana@localhost")]
    [InlineData("ana@example")]
    [InlineData("ana@.example.com")]
    [InlineData("ana@example.com.")]
    [InlineData("ana@example..com")]
    [InlineData(".ana@example.com")]
    [InlineData("ana.@example.com")]
    [InlineData("an..a@example.com")]
    public void Something_that_is_not_a_plain_address_is_rejected(string typed)
    {
        var (address, error) = EmailAddressRules.Normalize(typed);

        address.ShouldBeNull();
        error.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void A_local_part_over_64_characters_is_rejected()
    {
        var (address, error) = EmailAddressRules.Normalize(new string('a', 65) + "@example.com");

        address.ShouldBeNull();
        error.ShouldNotBeNullOrWhiteSpace();
    }

    /// <summary>A well-formed address of exactly <paramref name="length"/> characters, with a 64-character local part and labels under 63.</summary>
    private static string OfLength(int length)
    {
        var domainLength = length - 65;
        var labels = new List<string>();
        var remaining = domainLength - ".com".Length;
        while (remaining > 0)
        {
            var label = Math.Min(50, remaining);
            if (labels.Count > 0)
            {
                label = Math.Min(50, remaining - 1);
            }

            labels.Add(new string('d', label));
            remaining -= label + (labels.Count > 1 ? 1 : 0);
        }

        var address = new string('a', 64) + "@" + string.Join('.', labels) + ".com";
        address.Length.ShouldBe(length);
        return address;
    }
}

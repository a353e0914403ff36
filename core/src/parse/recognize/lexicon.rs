//! Word lists that tell a job title from an employer and a degree from a school.

/// Words other than the head noun that mark a job title ("Senior", "Product", "VP").
const TITLE_MODIFIERS: &[&str] = &[
    "internship",
    "leader",
    "vice",
    "tutor",
    "cofounder",
    "co-founder",
    "chair",
    "chairman",
    "chairperson",
    "physician",
    "doctor",
    "therapist",
    "pharmacist",
    "lieutenant",
    "captain",
    "major",
    "colonel",
    "nco",
    "soldier",
    "cashier",
    "lawyer",
    "paralegal",
    "postdoc",
    "member",
    "planner",
    "buyer",
    "author",
    "producer",
    "artist",
    "photographer",
    "bookkeeper",
    "treasurer",
    "secretary",
    "receptionist",
    "chef",
    "cook",
    "driver",
    "mechanic",
    "electrician",
    "worker",
    "staff",
    "principal",
    "cio",
    "cmo",
    "svp",
    "evp",
    "avp",
    "sde",
    "swe",
    "sre",
    "devops",
    "junior",
    "sr",
    "jr",
    "chief",
    "apprentice",
    "scrum",
    "master",
    "counselor",
    "counsellor",
    "psychologist",
    "dentist",
    "surgeon",
    "resident",
    "paramedic",
    "caregiver",
    "freelancer",
    "contractor",
    "tester",
    "qa",
];

/// Words that mark an employer or organisation.
const COMPANY_WORDS: &[&str] = &[
    "inc",
    "llc",
    "ltd",
    "limited",
    "plc",
    "corp",
    "corporation",
    "company",
    "co",
    "group",
    "gmbh",
    "ag",
    "sa",
    "sas",
    "bv",
    "nv",
    "pty",
    "pvt",
    "llp",
    "lp",
    "srl",
    "spa",
    "ab",
    "as",
    "oy",
    "kk",
    "hospital",
    "clinic",
    "university",
    "college",
    "school",
    "institute",
    "bank",
    "technologies",
    "technology",
    "labs",
    "lab",
    "laboratories",
    "partners",
    "agency",
    "army",
    "navy",
    "air force",
    "marines",
    "department",
    "ministry",
    "government",
    "council",
    "foundation",
    "association",
    "society",
    "systems",
    "solutions",
    "services",
    "consulting",
    "holdings",
    "industries",
    "enterprises",
    "studio",
    "studios",
    "media",
    "networks",
    "software",
    "capital",
    "ventures",
    "financial",
    "insurance",
    "health",
    "healthcare",
    "medical",
    "center",
    "centre",
    "trust",
    "brands",
    "retail",
    "logistics",
    "payments",
    "analytics",
    "international",
    "global",
    "corps",
    "division",
    "office",
    "organization",
    "organisation",
    "federal",
    "national",
    "freelance",
    "self-employed",
    "remote",
    "upwork",
    "fiverr",
];

/// Words that mark a degree or qualification.
const DEGREE_WORDS: &[&str] = &[
    "bachelor",
    "bachelors",
    "bachelor's",
    "master",
    "masters",
    "master's",
    "doctor",
    "doctorate",
    "phd",
    "ph.d",
    "ph.d.",
    "mba",
    "bs",
    "b.s",
    "b.s.",
    "bsc",
    "b.sc",
    "ba",
    "b.a",
    "b.a.",
    "bfa",
    "bba",
    "beng",
    "b.eng",
    "bse",
    "bsee",
    "bec",
    "bcom",
    "b.com",
    "btech",
    "b.tech",
    "be",
    "b.e",
    "ms",
    "m.s",
    "m.s.",
    "msc",
    "m.sc",
    "ma",
    "m.a",
    "m.a.",
    "mfa",
    "meng",
    "m.eng",
    "mtech",
    "m.tech",
    "mpa",
    "mph",
    "med",
    "m.ed",
    "llb",
    "llm",
    "jd",
    "j.d",
    "md",
    "m.d",
    "dds",
    "pharmd",
    "associate",
    "associate's",
    "diploma",
    "certificate",
    "cert",
    "cert.",
    "ged",
    "bacharelado",
    "mestrado",
    "doutorado",
    "diplom",
    "magister",
    "laurea",
    "maestría",
    "maestria",
    "grado",
    "ingeniero",
    "ingénieur",
    "abitur",
    "staatsexamen",
    "bsba",
    "mca",
    "bca",
    "pgdm",
    "b.e.",
    "b.tech.",
    "m.tech.",
    "high",
    "a-levels",
    "gcse",
    "hnd",
    "degree",
    "licence",
    "licenciatura",
    "baccalaureate",
    "postgraduate",
    "graduate",
    "undergraduate",
    "honours",
    "honors",
    "coursework",
    "program",
    "programme",
    "course",
];

/// Words that mark a school.
const SCHOOL_WORDS: &[&str] = &[
    "university",
    "college",
    "institute",
    "school",
    "academy",
    "polytechnic",
    "universidad",
    "université",
    "universite",
    "universität",
    "universitat",
    "università",
    "universidade",
    "hochschule",
    "conservatory",
    "seminary",
    "campus",
    "faculty",
    "ecole",
    "école",
    "kth",
    "mit",
    "ucla",
    "uc",
    "usc",
    "nyu",
    "eth",
    "epfl",
    "iit",
    "lse",
    "cuny",
    "suny",
    "gymnasium",
    "lycée",
    "lycee",
];

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '/' | ';' | ':'))
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches(['.', ',']).to_lowercase())
}

fn count(text: &str, list: &[&str]) -> usize {
    words(text).filter(|w| list.contains(&w.as_str())).count()
}

/// Nouns that head a job title ("Civil Engineer", "Trainee").
const TITLE_HEADS: &[&str] = &[
    "engineer",
    "developer",
    "manager",
    "analyst",
    "designer",
    "director",
    "officer",
    "assistant",
    "intern",
    "specialist",
    "consultant",
    "lead",
    "head",
    "president",
    "associate",
    "representative",
    "technician",
    "teacher",
    "coordinator",
    "administrator",
    "architect",
    "scientist",
    "researcher",
    "accountant",
    "auditor",
    "executive",
    "trainee",
    "senior",
    "student",
    "aide",
    "nurse",
    "founder",
    "owner",
    "advisor",
    "adviser",
    "programmer",
    "supervisor",
    "instructor",
    "professor",
    "lecturer",
    "fellow",
    "strategist",
    "recruiter",
    "editor",
    "writer",
    "controller",
    "partner",
    "ceo",
    "cto",
    "cfo",
    "coo",
    "vp",
    "sergeant",
    "clerk",
    "agent",
    "attorney",
    "counsel",
    "operator",
    "volunteer",
    "trustee",
];

/// How much `text` reads like a job title (0 = not at all). A title word
/// at the end (the head noun, as in "Civil Engineer") counts double.
pub fn title_score(text: &str) -> usize {
    count(text, TITLE_MODIFIERS)
        + count(text, TITLE_HEADS)
        + usize::from(ends_with_title_noun(text))
}

/// True when the text (a parenthetical aside) ends with a job noun:
/// "Civil Engineer", "Trainee".
pub fn ends_with_title_noun(text: &str) -> bool {
    let base = text.split('(').next().unwrap_or(text);
    let level = |w: &String| {
        matches!(
            w.as_str(),
            "i" | "ii" | "iii" | "iv" | "v" | "1" | "2" | "3" | "4" | "5"
        )
    };
    let words: Vec<String> = words(base).collect();
    words
        .iter()
        .rev()
        .find(|w| !level(w))
        .is_some_and(|w| TITLE_HEADS.contains(&w.as_str()))
}

/// How much `text` reads like an employer (0 = not at all).
pub fn company_score(text: &str) -> usize {
    count(text, COMPANY_WORDS) + usize::from(text.contains('&') || text.contains(" of "))
}

/// How much `text` reads like a degree (0 = not at all).
pub fn degree_score(text: &str) -> usize {
    let lower = text.to_lowercase();
    count(text, DEGREE_WORDS)
        + usize::from(lower.contains(" in ") || lower.starts_with("b.") || lower.starts_with("m."))
}

/// How much `text` reads like a school (0 = not at all).
pub fn school_score(text: &str) -> usize {
    count(text, SCHOOL_WORDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_titles_from_companies() {
        assert!(
            title_score("Senior Software Engineer") > company_score("Senior Software Engineer")
        );
        assert!(
            company_score("Massachusetts General Hospital")
                > title_score("Massachusetts General Hospital")
        );
        assert!(company_score("Harrington & Lowe plc") > 0);
    }

    #[test]
    fn tells_degrees_from_schools() {
        assert!(
            degree_score("Bachelor of Science, Computer Science")
                > school_score("Bachelor of Science, Computer Science")
        );
        assert!(degree_score("BS in Nursing") > 0);
        assert!(
            school_score("University of California, Davis")
                > degree_score("University of California, Davis")
        );
        assert!(school_score("KTH Royal Institute of Technology") > 0);
    }
}

package uk.police.oversight.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The web app in a real browser (Debian's Chromium), against the demo force started by `./oversight up`: each demo
 * user signs in on the local identity provider's page (a field labelled Username, a button labelled Sign in) and does
 * their main task; the figures each page shows are the API's; scrutiny and panel pages never show a name or PNC id;
 * another role's page answers "You do not have permission"; every page passes axe-core (WCAG 2.2 AA); the main
 * tasks work from the keyboard alone; forms refuse a missing CSRF token; the session cookie is HttpOnly, Secure and
 * SameSite. Screenshots of each main page at 1280 and 390 px go to target/screenshots (and docs/screenshots with
 * -Doversight.screenshots.refresh=true).
 */
class WebAppIT {

    private static final Pattern PNC = Pattern.compile("\\b\\d{2,4}/\\d{1,7}[A-Z]\\b");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static DemoStack demo;

    @BeforeAll
    static void demoForce() throws Exception {
        Browser.requireBrowser();
        demo = DemoStack.get();
    }

    /** Opens the web app, is sent to the provider's sign-in page, signs in with the username, and lands back. */
    private static Browser signIn(String username, int width) {
        Browser browser = Browser.open(width);
        browser.get(demo.web() + "/");
        assertEquals("Sign in", browser.find(By.tagName("h1")).getText(), "the provider's sign-in page: " + browser.source());
        browser.field("Username").sendKeys(username);
        browser.submit("Sign in");
        browser.waitFor(d -> d.getCurrentUrl().startsWith(demo.web()) && !d.getCurrentUrl().contains("/sign-in/"));
        return browser;
    }

    @Test
    void aManagerSeesTheirCaseloadAndRecordsAVisitWithErrorsShownTheGovUkWay() throws Exception {
        try (Browser browser = signIn("BRS-M01", 1280)) {
            assertEquals("/caseload", browser.path());
            browser.assertAccessible();
            String managerId = staffId("BRS-M01");
            JsonPath caseload = demo.as("BRS-M01", List.of("offender-manager"), "BRS").get("/staff/" + managerId + "/caseload?size=1")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(caseload.getInt("total"), Integer.parseInt(browser.text("caseload-total")));
            List<WebElement> rows = browser.all(By.cssSelector("#caseload tbody tr"));
            assertEquals(Math.min(caseload.getInt("total"), 500), rows.size());
            // Overdue first: the first rows are the manager's overdue offenders, as the API counts them.
            int overdue = demo.as("BRS-M01", List.of("offender-manager"), "BRS").get("/overdue-visits?managerId=" + managerId + "&size=1")
                    .then().statusCode(200).extract().jsonPath().getInt("totalItems");
            for (int i = 0; i < overdue; i++) {
                assertTrue(rows.get(i).getText().contains("days overdue"), "row " + i + " is overdue: " + rows.get(i).getText());
            }

            // An offender's page: their schedule is the API's.
            WebElement first = rows.get(0).findElement(By.tagName("a"));
            String name = first.getText();
            first.click();
            String offenderId = browser.path().substring("/offenders/".length());
            JsonPath schedule = demo.as("BRS-M01", List.of("offender-manager"), "BRS").get("/schedules/" + offenderId)
                    .then().statusCode(200).extract().jsonPath();
            String[] parts = name.split(", ");
            assertEquals(parts[1] + " " + parts[0], browser.find(By.tagName("h1")).getText());
            if (schedule.getString("dueOn") != null) {
                assertTrue(browser.text("schedule").contains(longDate(schedule.getString("dueOn"))), browser.text("schedule"));
            }
            browser.assertAccessible();
            int visitsBefore = visits(offenderId);

            // Record a visit: nothing entered, then a date in the future, each answered with a GOV.UK error summary.
            browser.follow("Record a visit");
            assertEquals("Record a visit", browser.find(By.tagName("h1")).getText());
            browser.assertAccessible();
            browser.submit("Record visit");
            assertTrue(browser.title().strip().startsWith("Error: "), "[" + browser.title() + "]");
            WebElement summary = browser.find(By.className("govuk-error-summary"));
            List<String> messages = summary.findElements(By.tagName("a")).stream().map(WebElement::getText).toList();
            assertEquals(List.of("Enter the date of the visit", "Select the type of contact", "Select the outcome",
                    "Select whether the visit was announced"), messages);
            assertEquals("#visitDate-day", summary.findElement(By.tagName("a")).getAttribute("hash"));
            browser.assertAccessible();
            LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1);
            enterDate(browser, tomorrow);
            browser.find(By.id("type")).click();
            browser.find(By.id("outcome")).click();
            browser.find(By.id("announced-2")).click();
            browser.submit("Record visit");
            assertEquals(List.of("The date of the visit must be today or in the past"),
                    browser.find(By.className("govuk-error-summary")).findElements(By.tagName("a")).stream().map(WebElement::getText).toList());
            assertEquals(visitsBefore, visits(offenderId), "nothing is recorded while the form has errors");

            // Put right: the visit is recorded, through the gateway as this manager.
            LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
            enterDate(browser, today);
            browser.submit("Record visit");
            assertEquals("The visit has been recorded", browser.find(By.className("govuk-notification-banner__heading")).getText());
            assertEquals(visitsBefore + 1, visits(offenderId));
            JsonPath latest = demo.as("BRS-M01", List.of("offender-manager"), "BRS").get("/visits?offenderId=" + offenderId + "&size=1")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(today.toString(), latest.getString("items[0].visitDate"));
            assertEquals("HOME_VISIT", latest.getString("items[0].type"));
            assertEquals("BRS-M01", latest.getString("items[0].recordedBy"));
            assertEquals(false, latest.getBoolean("items[0].announced"));
        }
    }

    @Test
    void aSupervisorFiltersTheOverdueListsAndTheirFiguresAreTheApis() throws Exception {
        try (Browser browser = signIn("BRS-S01", 1280)) {
            assertEquals("/overdue-visits", browser.path());
            browser.get(demo.web() + "/overdue-visits?asOf=2022-06-30");
            JsonPath summary = supervisor().get("/overdue-visits/summary?areaCode=BRS&asOf=2022-06-30").then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(summary.getInt("overdue"), Integer.parseInt(browser.text("summary-overdue")));
            browser.assertAccessible();

            // Filter by risk level and sort by due date: the rows are the API's, in its order.
            new org.openqa.selenium.support.ui.Select(browser.field("Risk level")).selectByValue("HIGH");
            new org.openqa.selenium.support.ui.Select(browser.field("Sort by")).selectByValue("dueOn");
            browser.submit("Apply filters");
            browser.waitFor(d -> d.getCurrentUrl().contains("riskLevel=HIGH"));
            JsonPath high = supervisor().get("/overdue-visits?areaCode=BRS&asOf=2022-06-30&riskLevel=HIGH&sort=dueOn&size=25")
                    .then().statusCode(200).extract().jsonPath();
            List<String> shown = browser.all(By.cssSelector("#overdue-visits tbody tr td:nth-child(2)")).stream().map(WebElement::getText).toList();
            assertEquals(high.getList("items.pncId"), shown);
            assertTrue(browser.find(By.cssSelector("#overdue-visits caption")).getText().startsWith(high.getInt("totalItems") + " "));

            // The CSV download is the whole filtered list.
            String csvLink = browser.link("Download the whole list as CSV (" + high.getInt("totalItems") + " rows)").getAttribute("href");
            HttpResponse<String> csv = get(browser, csvLink);
            assertEquals(200, csv.statusCode());
            assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            assertEquals(high.getInt("totalItems") + 1, csv.body().strip().lines().count(), csv.body());

            // An as-of date that is not a date is an error on the page, not a call with nonsense.
            browser.get(demo.web() + "/overdue-visits?asOf=30%2F06%2F2022");
            assertEquals("Enter the date as year-month-day, for example 2024-01-17",
                    browser.find(By.cssSelector(".govuk-error-summary a")).getText());

            // Overdue risk reviews: the API's count.
            browser.follow("Overdue risk reviews");
            int reviews = supervisor().get("/overdue-risk-reviews?areaCode=BRS&size=1").then().statusCode(200).extract().jsonPath()
                    .getInt("totalItems");
            assertTrue(browser.find(By.cssSelector("#overdue-reviews caption")).getText().startsWith(reviews + " "));
            browser.assertAccessible();

            // Caseloads per manager against the benchmark of 50: the API's figures per manager.
            browser.follow("Caseloads");
            browser.assertAccessible();
            Map<String, Integer> byManager = new LinkedHashMap<>();
            JsonPath today = supervisor().get("/overdue-visits/summary?areaCode=BRS").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> managers = today.getList("byManager");
            managers.forEach(m -> byManager.put((String) m.get("managerId"), ((Number) m.get("caseload")).intValue()));
            String m01 = staffId("BRS-M01");
            WebElement row = browser.find(By.xpath("//table[@id='caseloads']//tr[td[contains(., '(BRS-M01)')]]"));
            assertTrue(row.findElements(By.tagName("td")).get(1).getText().startsWith(Integer.toString(byManager.get(m01))), row.getText());

            // Not a supervisor's page: the permission page, and none of its data.
            browser.get(demo.web() + "/compliance");
            assertEquals("You do not have permission to view this page", browser.find(By.tagName("h1")).getText());
            assertTrue(browser.all(By.id("tiles")).isEmpty());
        }
    }

    @Test
    void scrutinySeesTheDashboardActionsSamplesAndPackAndNeverAName() throws Exception {
        List<String> names = namesOfOverdueOffenders();
        try (Browser browser = signIn("inspector", 1280)) {
            assertEquals("/compliance", browser.path());
            JsonPath trend = scrutiny().get("/compliance-trends?metric=overdue").then().statusCode(200).extract().jsonPath();
            assertEquals(number(trend.getDouble("latest.value")), browser.find(By.cssSelector("#tile-overdue .app-tile__value")).getText());
            JsonPath rate = scrutiny().get("/compliance-trends?metric=complianceRate").then().statusCode(200).extract().jsonPath();
            assertEquals(String.format(Locale.UK, "%.1f%%", rate.getDouble("latest.value") * 100),
                    browser.find(By.cssSelector("#tile-complianceRate .app-tile__value")).getText());
            // The trend charts by area, each with its table; the backlog's total is the API's.
            assertEquals(3, browser.all(By.cssSelector("svg.app-chart")).size());
            List<WebElement> months = browser.all(By.cssSelector("#overdue-chart-table thead th"));
            assertEquals(14, months.size(), "the area column and 13 months");
            JsonPath backlog = scrutiny().get("/backlog-ageing").then().statusCode(200).extract().jsonPath();
            assertEquals(backlog.getInt("overdue"), Integer.parseInt(browser.text("backlog-overdue").replace(",", "")));
            assertNoPersonalData(browser, names);
            browser.assertAccessible();
            // One area: the tiles are that area's.
            new org.openqa.selenium.support.ui.Select(browser.field("Area")).selectByValue("SOM");
            browser.submit("Show");
            browser.waitFor(d -> d.getCurrentUrl().contains("areaCode=SOM"));
            JsonPath somerset = scrutiny().get("/compliance-trends?metric=overdue&areaCode=SOM").then().statusCode(200).extract().jsonPath();
            assertEquals(number(somerset.getDouble("latest.value")), browser.find(By.cssSelector("#tile-overdue .app-tile__value")).getText());

            browser.follow("Action tracker");
            int actions = scrutiny().get("/actions?size=1").then().statusCode(200).extract().jsonPath().getInt("totalItems");
            assertTrue(browser.find(By.cssSelector("#actions caption")).getText().startsWith(actions + " "));
            browser.find(By.cssSelector("#actions tbody a")).click();
            assertFalse(browser.all(By.cssSelector(".app-updates")).isEmpty());
            assertNoPersonalData(browser, names);
            browser.assertAccessible();

            browser.follow("Assurance samples");
            assertTrue(browser.source().contains("Bristol panel dip-sample"));
            browser.follow("Bristol panel dip-sample");
            assertNoPersonalData(browser, names);
            browser.assertAccessible();

            browser.follow("Report pack");
            browser.assertAccessible();
            String pdf = browser.link("Download the pack as PDF").getAttribute("href");
            HttpResponse<byte[]> pack = HTTP.send(request(browser, pdf).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, pack.statusCode());
            assertEquals("application/pdf", pack.headers().firstValue("Content-Type").orElse(""));
            assertEquals("%PDF", new String(pack.body(), 0, 4, StandardCharsets.US_ASCII));
            HttpResponse<String> html = get(browser, browser.link("Open the pack as a web page").getAttribute("href"));
            assertEquals(200, html.statusCode());
            assertTrue(html.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'none'"));

            // Not scrutiny's pages.
            for (String page : List.of("/overdue-visits", "/caseload", "/panel", "/admin/staff", "/offenders/" + java.util.UUID.randomUUID())) {
                browser.get(demo.web() + page);
                assertEquals("You do not have permission to view this page", browser.find(By.tagName("h1")).getText(), page);
                assertNoPersonalData(browser, names);
            }
        }
    }

    @Test
    void aPanelMemberReadsPseudonymisedCaseFilesAndRecordsAFinding() throws Exception {
        List<String> names = namesOfOverdueOffenders();
        try (Browser browser = signIn("panel-member", 1280)) {
            assertEquals("/panel", browser.path());
            browser.assertAccessible();
            browser.follow("Read the cases of Bristol panel dip-sample");
            browser.assertAccessible();
            JsonPath sample = panel().get("/assurance-samples").then().statusCode(200).extract().jsonPath();
            String sampleId = sample.getString("find { it.title == 'Bristol panel dip-sample' }.id");
            JsonPath cases = panel().get("/assurance-samples/" + sampleId).then().statusCode(200).extract().jsonPath();
            assertEquals(cases.getList("cases").size(), browser.all(By.cssSelector("#cases tbody tr")).size());
            // A case without a finding yet (the form starts empty).
            String ref = cases.getString("cases.find { !it.findingRecorded }.caseRef");
            assertNotNull(ref, "a case of the demo sample has no finding yet");
            browser.link("Case " + ref).click();
            assertEquals("Case " + ref, browser.find(By.tagName("h1")).getText());
            assertNoPersonalData(browser, names);
            browser.assertAccessible();

            // No grade: an error summary; with one: saved, and the API has it.
            browser.submit("Save finding");
            assertEquals("Select your finding for this case", browser.find(By.cssSelector(".govuk-error-summary a")).getText());
            browser.assertAccessible();
            browser.find(By.xpath("//label[normalize-space(.)='Appropriate, with observations']")).click();
            browser.find(By.xpath("//label[normalize-space(.)='No unannounced visits']")).click();
            browser.field("Observations (optional)").sendKeys("Visits were all announced in the last year.");
            browser.submit("Save finding");
            assertEquals("Your finding has been saved", browser.find(By.className("govuk-notification-banner__heading")).getText());
            JsonPath file = panel().get("/assurance-samples/" + sampleId + "/cases/" + ref).then().statusCode(200).extract().jsonPath();
            assertEquals("APPROPRIATE_WITH_OBSERVATIONS", file.getString("finding.grade"));
            assertEquals(List.of("NO_UNANNOUNCED_VISITS"), file.getList("finding.flags"));

            for (String page : List.of("/compliance", "/overdue-visits", "/caseload")) {
                browser.get(demo.web() + page);
                assertEquals("You do not have permission to view this page", browser.find(By.tagName("h1")).getText(), page);
            }
        }
    }

    @Test
    void anAdministratorSeesAndChangesThePolicyAndSeesThresholdsAndStaff() throws Exception {
        try (Browser browser = signIn("admin-user", 1280)) {
            assertEquals("/admin/visit-policy", browser.path());
            JsonPath policy = demo.as("admin-user", List.of("admin")).get("/visit-policy").then().statusCode(200).extract().jsonPath();
            WebElement row = browser.find(By.xpath("//table[@id='policy']//tr[th[normalize-space(.)='High']]"));
            assertEquals(Integer.toString(policy.getInt("visitIntervalMonths.HIGH")), row.findElements(By.tagName("td")).get(0).getText());
            browser.assertAccessible();

            // Change the policy: a number out of range is an error on the page; a good one is in force at once.
            String was = Integer.toString(policy.getInt("visitIntervalMonths.HIGH"));
            String now = "3".equals(was) ? "2" : "3";
            browser.follow("Change the visit policy");
            browser.assertAccessible();
            List<WebElement> visitFields = browser.all(By.xpath("//label[normalize-space(.)='Home visit every (months, 1 to 24)']"));
            assertEquals(4, visitFields.size(), "one per risk level");
            WebElement highVisits = browser.find(By.id("visit-HIGH"));
            highVisits.clear();
            highVisits.sendKeys("0");
            browser.submit("Save the policy");
            assertEquals("Home visits for high risk must be between 1 and 24 months",
                    browser.find(By.cssSelector(".govuk-error-summary a")).getText());
            browser.assertAccessible();
            assertEquals(was, Integer.toString(demo.as("admin-user", List.of("admin")).get("/visit-policy").then().extract().jsonPath()
                    .getInt("visitIntervalMonths.HIGH")), "nothing changed while the form had errors");
            highVisits = browser.find(By.id("visit-HIGH"));
            highVisits.clear();
            highVisits.sendKeys(now);
            browser.submit("Save the policy");
            assertTrue(browser.find(By.className("govuk-notification-banner__heading")).getText().startsWith("The new visit policy is in force"));
            assertEquals(now, Integer.toString(demo.as("admin-user", List.of("admin")).get("/visit-policy").then().extract().jsonPath()
                    .getInt("visitIntervalMonths.HIGH")));
            // And back as it was, for the other tests' figures.
            browser.follow("Change the visit policy");
            highVisits = browser.find(By.id("visit-HIGH"));
            highVisits.clear();
            highVisits.sendKeys(was);
            browser.submit("Save the policy");
            assertEquals(was, Integer.toString(demo.as("admin-user", List.of("admin")).get("/visit-policy").then().extract().jsonPath()
                    .getInt("visitIntervalMonths.HIGH")));

            browser.follow("Thresholds");
            int thresholds = demo.as("admin-user", List.of("admin")).get("/performance-thresholds").then().statusCode(200).extract()
                    .jsonPath().getList("thresholds").size();
            assertEquals(thresholds, browser.all(By.cssSelector("#thresholds tbody tr")).size());
            browser.assertAccessible();
            browser.follow("Staff");
            int staff = demo.as("admin-user", List.of("admin")).get("/staff?size=1").then().statusCode(200).extract().jsonPath().getInt("totalItems");
            assertTrue(browser.find(By.cssSelector("#staff caption")).getText().startsWith(staff + " "));
            browser.assertAccessible();
        }
    }

    @Test
    void theMainTasksWorkFromTheKeyboardAlone() throws Exception {
        try (Browser browser = Browser.open(1280)) {
            browser.get(demo.web() + "/overdue-visits");
            // Sign in: type the username and press Enter.
            browser.field("Username").sendKeys("BRS-S01", Keys.ENTER);
            browser.waitFor(d -> d.getCurrentUrl().endsWith("/overdue-visits"));
            // The skip link is the first stop, and takes the focus to the main content.
            Actions keys = new Actions(browser.driver);
            keys.sendKeys(Keys.TAB).perform();
            assertEquals("Skip to main content", browser.driver.switchTo().activeElement().getText());
            keys.sendKeys(Keys.ENTER).perform();
            // Tab to the risk level, choose with the arrow keys, tab to the button and press Enter.
            tabTo(browser, "riskLevel");
            keys.sendKeys(Keys.ARROW_DOWN).perform();
            tabTo(browser, null);
            keys.sendKeys(Keys.ENTER).perform();
            browser.waitFor(d -> d.getCurrentUrl().contains("riskLevel=VERY_HIGH"));
            // Visible focus: the focused control is drawn with GOV.UK's yellow focus colour.
            tabTo(browser, "riskLevel");
            String outline = (String) browser.driver.executeScript(
                    "const s = getComputedStyle(document.activeElement); return s.outlineColor + ' ' + s.outlineStyle;");
            assertTrue(outline.contains("rgb(255, 221, 0)"), outline);
        }
        try (Browser browser = signIn("BRS-M01", 1280)) {
            String offenderId = browser.find(By.cssSelector("#caseload tbody a")).getAttribute("href").replaceAll(".*/offenders/", "");
            int before = visits(offenderId);
            browser.get(demo.web() + "/offenders/" + offenderId + "/record-visit");
            LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
            Actions keys = new Actions(browser.driver);
            tabTo(browser, "visitDate-day");
            keys.sendKeys(Integer.toString(today.getDayOfMonth()), Keys.TAB, Integer.toString(today.getMonthValue()), Keys.TAB,
                    Integer.toString(today.getYear()), Keys.TAB, Keys.SPACE, Keys.TAB, Keys.SPACE, Keys.TAB, Keys.SPACE).perform();
            keys.sendKeys(Keys.TAB, "Seen at home.", Keys.TAB, Keys.ENTER).perform();
            browser.waitFor(d -> d.getCurrentUrl().contains("recorded=1"));
            assertEquals(before + 1, visits(offenderId));
        }
    }

    @Test
    void sessionsAndFormsAreProtected() throws Exception {
        try (Browser browser = signIn("BRS-M01", 1280)) {
            // The session cookie: HttpOnly, Secure, SameSite; script on the page cannot read it or any token.
            Cookie session = browser.driver.manage().getCookieNamed("q_session");
            assertNotNull(session, "quarkus-oidc's session cookie: " + browser.driver.manage().getCookies());
            assertTrue(session.isHttpOnly());
            assertTrue(session.isSecure());
            assertEquals("Lax", session.getSameSite());
            String visibleToScript = (String) browser.driver.executeScript("return document.cookie");
            assertFalse(visibleToScript.contains("q_session"), visibleToScript);
            assertFalse(browser.source().contains("eyJ"), "no token in the page");

            // The pages' own policy: nothing inline, nothing from elsewhere; no caching; the gateway's HSTS.
            HttpResponse<String> page = get(browser, demo.web() + "/caseload");
            assertEquals(200, page.statusCode());
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && csp.contains("default-src 'none'") && !csp.contains("unsafe-inline"), csp);
            assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
            assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
            assertTrue(page.headers().firstValue("Strict-Transport-Security").isPresent());

            // A form posted without its CSRF token, or with another one, is refused and records nothing.
            String offenderId = browser.find(By.cssSelector("#caseload tbody a")).getAttribute("href").replaceAll(".*/offenders/", "");
            int before = visits(offenderId);
            LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
            String form = "visitDate-day=" + today.getDayOfMonth() + "&visitDate-month=" + today.getMonthValue() + "&visitDate-year="
                    + today.getYear() + "&type=HOME_VISIT&outcome=COMPLETED&announced=yes";
            for (String csrf : List.of("", "&csrf=not-the-token")) {
                HttpResponse<String> post = HTTP.send(request(browser, demo.web() + "/offenders/" + offenderId + "/record-visit")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form + csrf)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(403, post.statusCode(), post.body());
                assertTrue(post.body().contains("The form has expired"));
            }
            assertEquals(before, visits(offenderId));

            // Signing out ends the session: the next page asks to sign in again.
            browser.follow("Sign out");
            browser.waitFor(d -> java.net.URI.create(d.getCurrentUrl()).getPath().equals("/signed-out"));
            assertEquals("You have signed out", browser.find(By.tagName("h1")).getText());
            browser.assertAccessible();
            browser.get(demo.web() + "/caseload");
            assertEquals("Sign in", browser.find(By.tagName("h1")).getText());
        }
        // The sign-in page itself: accessible, and an unknown username is refused with an error.
        try (Browser browser = Browser.open(1280)) {
            browser.get(demo.web() + "/");
            browser.assertAccessible();
            browser.field("Username").sendKeys("somebody-else");
            browser.submit("Sign in");
            assertTrue(browser.source().contains("There is no demo user called somebody-else"));
            assertFalse(browser.driver.getCurrentUrl().startsWith(demo.web()));
        }
    }

    @Test
    void screenshotsOfEachMainPageAt1280And390() throws Exception {
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("BRS-M01", List.of("/caseload"));
        pages.put("BRS-S01", List.of("/overdue-visits?asOf=2022-06-30", "/caseloads"));
        pages.put("inspector", List.of("/compliance", "/actions", "/report-pack"));
        pages.put("panel-member", List.of("/panel"));
        pages.put("admin-user", List.of("/admin/visit-policy"));
        Path target = NodeTools.repository().resolve("system-tests/target/screenshots");
        Files.createDirectories(target);
        boolean refresh = Boolean.getBoolean("oversight.screenshots.refresh");
        Path docs = NodeTools.repository().resolve("docs/screenshots");
        List<String> taken = new ArrayList<>();
        StringBuilder timings = new StringBuilder();
        for (int width : List.of(1280, 390)) {
            for (Map.Entry<String, List<String>> user : pages.entrySet()) {
                try (Browser browser = signIn(user.getKey(), width)) {
                    for (String page : user.getValue()) {
                        browser.get(demo.web() + page);
                        if (width == 1280) {
                            // Load times as the browser measured them (docs/benchmarks.md records them; no timed assertion).
                            Object ms = browser.driver.executeScript(
                                    "const n = performance.getEntriesByType('navigation')[0]; return Math.round(n.loadEventEnd - n.startTime);");
                            timings.append(user.getKey()).append(' ').append(page).append(' ').append(ms).append(" ms\n");
                        }
                        browser.assertAccessible();
                        String name = page.substring(1).replaceAll("\\?.*", "").replace('/', '-') + "-" + width + ".png";
                        byte[] png = browser.screenshot();
                        Files.write(target.resolve(name), png);
                        if (refresh) {
                            Files.createDirectories(docs);
                            Files.write(docs.resolve(name), png);
                        }
                        taken.add(name);
                    }
                }
            }
        }
        assertEquals(16, taken.size(), taken.toString());
        // Each is a rendered page, not an empty window.
        for (String name : taken) {
            assertTrue(Files.size(target.resolve(name)) > 10_000, name);
        }
        Files.writeString(NodeTools.repository().resolve("system-tests/target/web-timings.txt"), timings.toString());
        System.out.println("Web page load times (1280 px, demo force):\n" + timings);
    }

    private static void assertNoPersonalData(Browser browser, List<String> names) {
        String text = browser.find(By.tagName("body")).getText();
        String source = browser.source();
        assertFalse(PNC.matcher(text).find(), "a PNC id on " + browser.driver.getCurrentUrl() + ": " + text);
        for (String name : names) {
            assertFalse(source.contains(name), "the name " + name + " on " + browser.driver.getCurrentUrl());
        }
    }

    /** The display names of everyone overdue, force-wide, as a supervisor of every area sees them. */
    private static List<String> namesOfOverdueOffenders() {
        List<String> names = demo.as("it-all-areas", List.of("supervisor"), "BRS", "NES", "SOM").get("/overdue-visits?size=500")
                .then().statusCode(200).extract().jsonPath().getList("items.displayName");
        assertFalse(names.isEmpty());
        return names;
    }

    private static io.restassured.specification.RequestSpecification supervisor() {
        return demo.as("BRS-S01", List.of("supervisor"), "BRS");
    }

    private static io.restassured.specification.RequestSpecification scrutiny() {
        return demo.as("inspector", List.of("scrutiny"));
    }

    private static io.restassured.specification.RequestSpecification panel() {
        return demo.as("panel-member", List.of("panel"));
    }

    private static String staffId(String staffNumber) {
        List<Map<String, Object>> staff = demo.as("admin-user", List.of("admin")).get("/staff?areaCode=BRS&size=500").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return staff.stream().filter(s -> staffNumber.equals(s.get("staffNumber"))).map(s -> (String) s.get("id")).findFirst().orElseThrow();
    }

    private static int visits(String offenderId) {
        return demo.as("BRS-M01", List.of("offender-manager"), "BRS").get("/visits?size=1&offenderId=" + offenderId).then().statusCode(200)
                .extract().jsonPath().getInt("totalItems");
    }

    private static void enterDate(Browser browser, LocalDate date) {
        for (String[] part : new String[][] {{"visitDate-day", Integer.toString(date.getDayOfMonth())},
                {"visitDate-month", Integer.toString(date.getMonthValue())}, {"visitDate-year", Integer.toString(date.getYear())}}) {
            WebElement input = browser.find(By.id(part[0]));
            input.clear();
            input.sendKeys(part[1]);
        }
    }

    /** Presses Tab until the element with {@code id} has the focus ({@code null}: the next button). */
    private static void tabTo(Browser browser, String id) {
        Actions keys = new Actions(browser.driver);
        for (int i = 0; i < 60; i++) {
            keys.sendKeys(Keys.TAB).perform();
            WebElement active = browser.driver.switchTo().activeElement();
            if (id == null ? "button".equals(active.getTagName()) : id.equals(active.getAttribute("id"))) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + (id == null ? "a button" : id));
    }

    private static String longDate(String iso) {
        return LocalDate.parse(iso).format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.format(Locale.UK, "%,d", (long) value) : String.format(Locale.UK, "%,.1f", value);
    }

    /** A request carrying the browser's cookies for the web app: what the browser would send. */
    private static HttpRequest.Builder request(Browser browser, String url) {
        String cookies = browser.driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        return HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies);
    }

    private static HttpResponse<String> get(Browser browser, String url) throws Exception {
        return HTTP.send(request(browser, url).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}

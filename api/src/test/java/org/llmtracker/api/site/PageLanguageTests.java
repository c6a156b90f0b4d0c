package org.llmtracker.api.site;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.llmtracker.api.i18n.I18nConfiguration;
import org.llmtracker.api.testing.StoreSlice;
import org.llmtracker.graph.testing.Neo4jTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;

/** A page speaks the reader's language: ?lang= first, then the choice kept from that link, then Accept-Language. */
@Neo4jTest
@WebMvcTest(PathPageController.class)
@Import({StoreSlice.class, I18nConfiguration.class})
class PageLanguageTests {

    @Autowired
    MockMvc mvc;

    @Test
    void withoutAWishThePageIsEnglishWithALinkToChinese() throws Exception {
        mvc.perform(get("/lineage/path"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"en\"")))
                .andExpect(content().string(containsString("How are two models related?")))
                .andExpect(content().string(containsString("href=\"/lineage/path?lang=zh-CN\"")))
                .andExpect(content().string(containsString(">中文</a>")));
    }

    @Test
    void acceptLanguageChoosesChinese() throws Exception {
        mvc.perform(get("/lineage/path").header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"))
                .andExpect(content().string(containsString("<html lang=\"zh-CN\"")))
                .andExpect(content().string(containsString("两个模型是什么关系？")))
                .andExpect(content().string(containsString(">English</a>")))
                .andExpect(content().string(not(containsString("How are two models related?"))))
                .andExpect(header().stringValues("Vary", org.hamcrest.Matchers.hasItem(containsString("Accept-Language"))));
    }

    @Test
    void theLinkWinsOverTheHeaderAndIsKeptForTheNextPage() throws Exception {
        mvc.perform(get("/lineage/path?from=a&to=b&lang=zh-CN").header("Accept-Language", "en"))
                .andExpect(content().string(containsString("两个模型是什么关系？")))
                .andExpect(content().string(containsString("没有 ID 或别名为“a”的模型")))
                // the switch link keeps the query and only changes the language
                .andExpect(content().string(containsString("href=\"/lineage/path?from=a&amp;to=b&amp;lang=en\"")))
                .andExpect(header().string("Set-Cookie", containsString("lang=zh-CN")));
        mvc.perform(get("/lineage/path").cookie(new Cookie("lang", "zh-CN")).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("两个模型是什么关系？")));
    }

    @Test
    void modelNamesStayAsUpstreamWritesThem() throws Exception {
        mvc.perform(get("/lineage/path?from=Qwen/Qwen3.6-27B&to=x&lang=zh-CN"))
                .andExpect(content().string(containsString("Qwen/Qwen3.6-27B")));
    }
}

-- Neovim 0.7 headless LSP client test for the vn-corpus language server.
--
-- Usage (run.sh does this):
--   VN_CORPUS_BIN=<root>/bin/vn-corpus VN_FILE=<ws>/seeds/002_cc6c1fb2d5522765.txt \
--     nvim --headless --clean -u e2e/nvim/lsp-test.lua
-- Starts `node $VN_CORPUS_BIN lsp --stdio`, attaches it to VN_FILE and checks
-- diagnostics, hover and documentSymbol. Prints `ok - ...` / `not ok - ...`
-- lines and a final `N passed, N failed`; exit code 0 only if all passed.
-- Never waits for a fixed time: every wait is a condition with a timeout.

local bin = assert(os.getenv('VN_CORPUS_BIN'), 'VN_CORPUS_BIN unset')
local file = assert(os.getenv('VN_FILE'), 'VN_FILE unset')
local root = os.getenv('VN_WORKSPACE') or vim.fn.fnamemodify(file, ':h:h')
local timeout_ms = tonumber(os.getenv('VN_NVIM_TIMEOUT_MS') or '') or 15000
local started = vim.loop.hrtime()

local passed, failed = 0, 0
local server_exited, exit_code = false, nil
local function out(s)
  io.stdout:write(string.format('[%5.2fs] %s\n', (vim.loop.hrtime() - started) / 1e9, s))
end
local function check(ok, what, detail)
  if ok then
    passed = passed + 1
    io.stdout:write('ok - ' .. what .. '\n')
  else
    failed = failed + 1
    io.stdout:write('not ok - ' .. what .. (detail and (' (' .. detail .. ')') or '') .. '\n')
  end
end
local function finish()
  io.stdout:write(string.format('%d passed, %d failed\n', passed, failed))
  io.stdout:flush()
  vim.cmd((failed == 0 and passed > 0) and 'qall!' or 'cquit!')
end
-- Hard safety net: never hang CI even if something blocks the loop's callbacks.
vim.defer_fn(function()
  check(false, 'whole test finished within 60 s')
  finish()
end, 60000)

local ok_main, err_main = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()

  -- Keep the raw LSP diagnostics (including `code`), then let Neovim handle them too.
  local raw_diags = nil
  local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
  local function on_publish(err, result, ctx, config)
    if result and vim.uri_to_fname(result.uri) == vim.api.nvim_buf_get_name(bufnr) then
      raw_diags = result.diagnostics
    end
    return default_publish(err, result, ctx, config)
  end

  local client_id = vim.lsp.start_client({
    name = 'vn-corpus',
    cmd = { 'node', bin, 'lsp', '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'ws' } },
    handlers = { ['textDocument/publishDiagnostics'] = on_publish },
    on_exit = function(code, signal)
      server_exited, exit_code = true, code
      out(string.format('server exited (code %s, signal %s)', tostring(code), tostring(signal)))
    end,
  })
  assert(client_id, 'vim.lsp.start_client failed')
  vim.lsp.buf_attach_client(bufnr, client_id)
  local function wait(ms, cond)
    return vim.wait(ms, function() return server_exited or cond() end, 20)
  end

  -- 0. initialize handshake
  local inited = wait(timeout_ms, function()
    local c = vim.lsp.get_client_by_id(client_id)
    return c ~= nil and c.initialized == true
  end)
  out('initialized: ' .. tostring(inited and not server_exited))
  if server_exited or not inited then
    check(false, 'language server started (node ' .. bin .. ' lsp --stdio)',
      server_exited and ('exited with code ' .. tostring(exit_code)) or 'no initialize response')
    return
  end
  local caps = vim.lsp.get_client_by_id(client_id).server_capabilities or {}
  out('capabilities: hover=' .. tostring(caps.hoverProvider ~= nil and caps.hoverProvider ~= false)
    .. ' documentSymbol=' .. tostring(caps.documentSymbolProvider ~= nil and caps.documentSymbolProvider ~= false))

  -- 1. diagnostics
  local got = wait(timeout_ms, function() return raw_diags ~= nil and #raw_diags > 0 end)
  raw_diags = raw_diags or {}
  for _, d in ipairs(raw_diags) do
    out(string.format('diagnostic: %d:%d sev=%s [%s] %s: %s', d.range.start.line + 1,
      d.range.start.character + 1, tostring(d.severity), tostring(d.source), tostring(d.code),
      (d.message or ''):gsub('\n', ' ')))
  end
  local all_src, n_src = #raw_diags > 0, 0
  for _, d in ipairs(raw_diags) do
    if d.source == 'vn-corpus' then n_src = n_src + 1 else all_src = false end
  end
  check(got and n_src > 0, 'diagnostics arrive with source "vn-corpus"',
    string.format('%d diagnostics, %d with source vn-corpus', #raw_diags, n_src))
  if not all_src and #raw_diags > 0 then out('note: some diagnostics have another source') end
  local vc = nil
  for _, d in ipairs(raw_diags) do
    local code = type(d.code) == 'table' and d.code.value or d.code
    if code == 'boilerplate/view-counter' and d.range.start.line == 3 then vc = d end
  end
  check(vc ~= nil, 'diagnostic boilerplate/view-counter on line 4 ("Lượt xem: 270")')

  -- 2. hover on "Chỉ thị 05" in line 12 (0-based 11)
  local line = vim.api.nvim_buf_get_lines(bufnr, 11, 12, false)[1] or ''
  local needle = 'Chỉ thị 05'
  local byte_start = line:find(needle, 1, true)
  local hover_text = nil
  if not byte_start then
    check(false, 'hover on "Chỉ thị 05" mentions 05-CT/TW', 'text not found on line 12 of the seed')
  else
    local _, u16 = vim.str_utfindex(line, byte_start - 1)  -- UTF-16 column of the match
    local pos = { line = 11, character = u16 + 1 }
    out(string.format('hover at %d:%d (byte %d)', pos.line, pos.character, byte_start - 1))
    local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr), position = pos }
    local res, herr = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, timeout_ms)
    local kind = nil
    for _, r in pairs(res or {}) do
      if r.err then out('hover error: ' .. vim.inspect(r.err)) end
      local c = r.result and r.result.contents
      if type(c) == 'table' and c.kind then
        kind, hover_text = c.kind, c.value
      elseif type(c) == 'string' then
        kind, hover_text = 'markdown', c
      elseif type(c) == 'table' then
        kind, hover_text = 'markedstring', vim.inspect(c)
      end
    end
    out('hover (' .. tostring(kind) .. '): ' .. tostring(hover_text):gsub('\n', ' | ') .. (herr and (' err=' .. herr) or ''))
    check(hover_text ~= nil and kind ~= 'plaintext' and hover_text:find('05-CT/TW', 1, true) ~= nil,
      'hover on "Chỉ thị 05" returns Markdown mentioning 05-CT/TW')
  end

  -- 3. documentSymbol
  local res = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol',
    { textDocument = vim.lsp.util.make_text_document_params(bufnr) }, timeout_ms) or {}
  local total, events = 0, {}
  local function walk(list, depth)
    for _, s in ipairs(list or {}) do
      total = total + 1
      out(string.rep('  ', depth) .. 'symbol: ' .. tostring(s.name):gsub('\n', ' ') .. ' (kind ' .. tostring(s.kind) .. ')')
      if s.kind == 24 then table.insert(events, s.name) end
      walk(s.children, depth + 1)
    end
  end
  for _, r in pairs(res) do
    if r.err then out('documentSymbol error: ' .. vim.inspect(r.err)) end
    walk(r.result, 0)
  end
  check(total > 0, 'documentSymbol returns a non-empty list', total .. ' symbols')
  check(#events > 0, 'documentSymbol includes an Event symbol (kind 24)', #events .. ' events')

  vim.lsp.stop_client(client_id)
  wait(3000, function() return false end)  -- returns as soon as the server exits
end)
if not ok_main then check(false, 'test script ran without Lua errors', tostring(err_main)) end
finish()

# bash completion for iamlint (installed as share/bash-completion/completions/iamlint).
# Completes subcommands, each subcommand's options, the fixed values of
# --format and friends, help topics, and file names everywhere else.

_iamlint() {
  local cur prev words cword
  _init_completion 2>/dev/null || {
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev="${COMP_WORDS[COMP_CWORD-1]}"
    words=("${COMP_WORDS[@]}")
    cword=$COMP_CWORD
  }

  local commands="lint simulate access can expand catalog checks exercise generate help"
  local cmd="" i
  for ((i = 1; i < cword; i++)); do
    case "${words[i]}" in
      lint|simulate|access|can|expand|catalog|checks|exercise|generate|help) cmd="${words[i]}"; break ;;
    esac
  done

  case "$prev" in
    --format)
      case "$cmd" in
        lint|"") COMPREPLY=($(compgen -W "text json sarif github" -- "$cur")) ;;
        checks) COMPREPLY=($(compgen -W "text json markdown" -- "$cur")) ;;
        *) COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
      esac
      return ;;
    --fail-on) COMPREPLY=($(compgen -W "error warning info never" -- "$cur")); return ;;
    --policy-type) COMPREPLY=($(compgen -W "identity resource trust boundary session scp rcp" -- "$cur")); return ;;
    --input-format) COMPREPLY=($(compgen -W "policy cloudformation terraform account" -- "$cur")); return ;;
    --attached-to) COMPREPLY=($(compgen -W "user group role" -- "$cur")); return ;;
    --expect) COMPREPLY=($(compgen -W "Allow ExplicitDeny ImplicitDeny" -- "$cur")); return ;;
    --level) COMPREPLY=($(compgen -W "list read write permissions-management tagging" -- "$cur")); return ;;
    --lang) COMPREPLY=($(compgen -W "en ja" -- "$cur")); return ;;
    --enable|--disable|--action|--resource|--principal|--resource-account|--context|--service|\
    --max-input-size|--user|--role|--access-key|--collapse)
      return ;;
  esac

  local opts=""
  case "$cmd" in
    ""|lint)
      opts="--format --fail-on --enable --disable --attached-to --config --no-config --catalog
            --policy-type --input-format --credentials --max-input-size -v --verbose
            --progress --no-progress --help --version" ;;
    simulate)
      opts="--policy --boundary --session-policy --resource-policy --scp --rcp --action --resource
            --principal --resource-account --context --no-derived-context --expect --explain
            --no-index --format --progress --no-progress --help" ;;
    access)
      opts="--account --credentials --scp --resource-policy --context --max-input-size --all --roles
            --service --level --format --html --progress --no-progress --help" ;;
    can)
      opts="--account --credentials --scp --resource-policy --context --max-input-size --format --help" ;;
    expand) opts="--format --catalog --help" ;;
    catalog) opts="--format --catalog --help" ;;
    checks) opts="--format --help" ;;
    exercise) opts="list check --lang --format --exercises --help" ;;
    generate)
      opts="--from-cloudtrail --user --role --access-key --only-successful --collapse --format
            --no-index --help" ;;
    help)
      COMPREPLY=($(compgen -W "exit-codes formats config $commands" -- "$cur"))
      return ;;
  esac

  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    return
  fi
  [ -z "$cmd" ] && COMPREPLY=($(compgen -W "$commands" -- "$cur"))
  COMPREPLY+=($(compgen -f -- "$cur"))
}
complete -o filenames -F _iamlint iamlint

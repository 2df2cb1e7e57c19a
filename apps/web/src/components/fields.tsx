// Form controls that carry antd Form.Item's aria attributes where they are allowed: Form.Item puts
// aria-required / aria-invalid / aria-describedby on its child's root element, which for Select
// and Radio.Group is a plain <div> (axe: aria-allowed-attr). Select keeps them off its root (its
// label and the asterisk still say it is required); a radio choice gets a radiogroup around it.
import { Radio, type RadioGroupProps, Select, type SelectProps } from 'antd';

type AriaFromFormItem = { 'aria-required'?: 'true' | 'false'; 'aria-invalid'?: 'true' | 'false'; 'aria-describedby'?: string };

export function FormSelect(props: SelectProps & AriaFromFormItem) {
  const { 'aria-required': _required, 'aria-invalid': _invalid, 'aria-describedby': _described, ...rest } = props;
  return <Select {...rest} />;
}

export function RadioChoice(props: RadioGroupProps & AriaFromFormItem & { label: string }) {
  const { 'aria-required': required, 'aria-invalid': invalid, 'aria-describedby': described, label, id, ...rest } = props;
  return (
    <div role="radiogroup" aria-label={label} aria-required={required} aria-invalid={invalid} aria-describedby={described} id={id}>
      <Radio.Group {...rest} />
    </div>
  );
}

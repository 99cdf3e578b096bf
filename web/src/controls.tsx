// antd's Select, for use inside a required Form.Item. The form item puts aria-required on its
// control, and Select passes it to its outer box, which has no role — axe-core reports that as a
// critical violation. The required mark and the error text say it on screen instead.
import { forwardRef } from 'react';
import { Select as AntSelect, type GetRef, type SelectProps } from 'antd';

type Props = SelectProps & { 'aria-required'?: unknown };

export const Select = forwardRef<GetRef<typeof AntSelect>, Props>(function Select(props, ref) {
  const { 'aria-required': _required, ...rest } = props;
  return <AntSelect ref={ref} {...rest} />;
});
